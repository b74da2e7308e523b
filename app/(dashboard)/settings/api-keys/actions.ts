"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { actorOf } from "@/lib/audit/service";

const revalidate = ["/settings/api-keys"];

const createApiKeyInput = z
  .object({
    name: z.string({ error: "Enter a name" }).trim().min(1, { error: "Enter a name" }).max(80, { error: "At most 80 characters" }),
  })
  .strict();

const revokeApiKeyInput = z.object({ id: z.uuid({ error: "Unknown key" }) }).strict();

/**
 * Admin keys only until the channels feature exists. The full key is in this result and
 * nowhere else (only its hash is stored): the dialog shows it once. Never log it.
 */
export const createApiKeyAction = defineAction({
  permission: "api_keys.manage",
  schema: createApiKeyInput,
  revalidate,
  run: async (input, user) => {
    const k = await createApiKey(actorOf(user), { name: input.name, kind: "ADMIN" });
    return { id: k.id, prefix: k.prefix, name: input.name, key: k.key };
  },
});

export const revokeApiKeyAction = defineAction({
  permission: "api_keys.manage",
  schema: revokeApiKeyInput,
  revalidate,
  run: async (input, user) => {
    await revokeApiKey(actorOf(user), input.id);
    return { id: input.id };
  },
});
