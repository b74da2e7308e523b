import { apiRoute } from "@/lib/api/handler";
import { apiActor } from "@/lib/api/keys";
import { AppError } from "@/lib/errors";
import { channelForCall, channelScope } from "@/lib/orders/api";
import { getOrderDto, listOrdersForApi, parseStatus } from "@/lib/orders/queries";
import { orderInput } from "@/lib/orders/schema";
import { createOrder } from "@/lib/orders/service";

/** POST /api/v1/orders: 201 new order; 200 the existing one for a repeated externalId or Idempotency-Key. */
export const POST = apiRoute({
  auth: "any",
  body: orderInput,
  idempotency: "service",
  run: async ({ body, principal, req }) => {
    const channel = await channelForCall(principal, body.channel);
    const key = req.headers.get("idempotency-key") ?? undefined;
    if (key && key.length > 200) throw new AppError("VALIDATION", "Idempotency-Key is longer than 200 characters.", { issues: [{ path: "Idempotency-Key", message: "At most 200 characters" }] });
    const r = await createOrder(apiActor(principal), { channelId: channel.id, input: body, idempotencyKey: key });
    return { status: r.created ? 201 : 200, body: await getOrderDto(r.orderId) };
  },
});

/** GET /api/v1/orders?status=&updatedSince=&limit=&cursor= */
export const GET = apiRoute({
  auth: "any",
  run: async ({ url, principal }) => {
    const q = url.searchParams;
    const statusRaw = q.get("status");
    const status = parseStatus(statusRaw);
    if (statusRaw && !status) throw new AppError("VALIDATION", "Unknown status.", { issues: [{ path: "status", message: "Unknown status" }] });
    const sinceRaw = q.get("updatedSince");
    const updatedSince = sinceRaw ? new Date(sinceRaw) : undefined;
    if (updatedSince && Number.isNaN(updatedSince.getTime())) throw new AppError("VALIDATION", "updatedSince must be an ISO date-time.", { issues: [{ path: "updatedSince", message: "ISO 8601 date-time" }] });
    const limitRaw = q.get("limit");
    const limit = limitRaw === null ? 50 : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new AppError("VALIDATION", "limit must be 1–200.", { issues: [{ path: "limit", message: "A whole number from 1 to 200" }] });
    const body = await listOrdersForApi({ channelId: await channelScope(principal), status, updatedSince, limit, cursor: q.get("cursor") ?? undefined });
    return { status: 200, body };
  },
});
