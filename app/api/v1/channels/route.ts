import { apiRoute } from "@/lib/api/handler";
import { apiActor } from "@/lib/api/keys";
import { createChannel } from "@/lib/channels/service";
import { listChannels } from "@/lib/channels/queries";
import { channelInput } from "@/lib/orders/schema";

export const GET = apiRoute({
  auth: "admin",
  run: async () => ({ status: 200, body: { items: (await listChannels()).map((c) => ({ code: c.code, name: c.name, type: c.type, currency: c.currency })) } }),
});

/** POST /api/v1/channels (admin): 201 with the webhook secret, shown this once; 409 when the code exists. */
export const POST = apiRoute({
  auth: "admin",
  body: channelInput,
  run: async ({ body, principal }) => ({ status: 201, body: await createChannel(apiActor(principal), body) }),
});
