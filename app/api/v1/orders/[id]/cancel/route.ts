import { apiRoute } from "@/lib/api/handler";
import { apiActor } from "@/lib/api/keys";
import { AppError } from "@/lib/errors";
import { channelScope } from "@/lib/orders/api";
import { getOrderDto } from "@/lib/orders/queries";
import { cancelOrder } from "@/lib/orders/service";

/** POST /api/v1/orders/{id}/cancel: 200 the cancelled order; 409 once shipped. */
export const POST = apiRoute({
  auth: "any",
  run: async ({ params, principal }) => {
    const mine = await getOrderDto(params.id ?? "", await channelScope(principal));
    if (!mine) throw new AppError("NOT_FOUND", "Order not found.");
    await cancelOrder(apiActor(principal), { orderId: mine.id, reason: "cancelled through the API" });
    return { status: 200, body: await getOrderDto(mine.id) };
  },
});
