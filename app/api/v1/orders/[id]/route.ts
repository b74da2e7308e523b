import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { channelScope } from "@/lib/orders/api";
import { getOrderDto } from "@/lib/orders/queries";

export const GET = apiRoute({
  auth: "any",
  run: async ({ params, principal }) => {
    const o = await getOrderDto(params.id ?? "", await channelScope(principal));
    if (!o) throw new AppError("NOT_FOUND", "Order not found.");
    return { status: 200, body: o };
  },
});
