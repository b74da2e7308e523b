import { errorResponse, json, readBody } from "@/lib/api/handler";
import { toAppError } from "@/lib/errors";
import { receiveWebhook } from "@/lib/orders/webhooks";

/** POST /api/v1/channels/{code}/webhooks — authenticated by the channel's HMAC signature, not an API key. */
export async function POST(req: Request, ctx: { params: Promise<{ code: string }> }) {
  try {
    const { code } = await ctx.params;
    const raw = await readBody(req);
    await receiveWebhook(code, req.headers.get("quartermaster-signature"), raw);
    return json(200, { received: true });
  } catch (e) {
    return errorResponse(toAppError(e, "webhook"));
  }
}
