"use server";
import { defineAction } from "@/lib/actions";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { actorOf } from "@/lib/audit/service";
import { createChannel, rotateWebhookSecret, updateChannel } from "@/lib/channels/service";
import { channelCodeInput, channelFormInput, channelKeyInput, revokeKeyInput } from "./schema";

// "layout" revalidation (lib/actions.ts) covers /channels/<code> too.
const revalidate = ["/channels"];
const revalidateKeys = ["/channels", "/settings/api-keys"];

/**
 * The webhook secret is in this result and nowhere else in clear (it is stored encrypted):
 * the dialog shows it once. Never log it.
 */
export const createChannelAction = defineAction({
  permission: "channels.manage",
  schema: channelFormInput,
  revalidate,
  run: async (input, user) => {
    const c = await createChannel(actorOf(user), input);
    return { code: c.code, name: c.name, webhookSecret: c.webhookSecret };
  },
});

export const updateChannelAction = defineAction({
  permission: "channels.manage",
  schema: channelFormInput,
  revalidate,
  run: async (input, user) => {
    const c = await updateChannel(actorOf(user), input);
    return { code: c.code, name: c.name };
  },
});

/** The new secret is shown once; the old one stops verifying at once. */
export const rotateWebhookSecretAction = defineAction({
  permission: "channels.manage",
  schema: channelCodeInput,
  revalidate,
  run: (input, user) => rotateWebhookSecret(actorOf(user), input.code),
});

/** A channel API key: the full key is in this result only (its hash is stored). */
export const createChannelApiKeyAction = defineAction({
  permission: "channels.manage",
  schema: channelKeyInput,
  revalidate: revalidateKeys,
  run: async (input, user) => {
    const k = await createApiKey(actorOf(user), { name: input.name, kind: "CHANNEL", channelCode: input.channelCode });
    return { id: k.id, prefix: k.prefix, name: input.name, key: k.key };
  },
});

export const revokeChannelApiKeyAction = defineAction({
  permission: "channels.manage",
  schema: revokeKeyInput,
  revalidate: revalidateKeys,
  run: async (input, user) => {
    await revokeApiKey(actorOf(user), input.id);
    return { id: input.id };
  },
});
