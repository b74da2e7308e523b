"use server";
import { defineAction } from "@/lib/actions";
import { actorOf } from "@/lib/audit/service";
import { AppError, issuesFromZod } from "@/lib/errors";
import { channelForManualEntry, lookupProductForOrder, searchProductsForOrder } from "@/lib/orders/list-queries";
import { getOrderDto } from "@/lib/orders/queries";
import { cancelLineInput, cancelOrderInput, holdOrderInput, orderIdInput, orderInput } from "@/lib/orders/schema";
import { cancelOrder, cancelOrderLine, createOrder, holdOrder, reallocateOrder, releaseOrder } from "@/lib/orders/service";
import { manualOrderInput, productCodeInput, productSearchInput } from "./manual-order-schema";

const revalidate = ["/orders", "/"];

/** Manual entry: the order body as the API takes it, for the chosen channel; idempotent on MAN-<ref>. */
export const createManualOrderAction = defineAction({
  permission: "orders.manage",
  schema: manualOrderInput,
  revalidate,
  run: async (input, user) => {
    const { ref, channel: code, ...rest } = input;
    const channel = await channelForManualEntry(code);
    const body = orderInput.safeParse({ ...rest, externalId: `MAN-${ref}`, currency: channel.currency, channel: channel.code });
    if (!body.success) throw new AppError("VALIDATION", "Please correct the highlighted fields.", { issues: issuesFromZod(body.error) });
    const r = await createOrder(actorOf(user), { channelId: channel.id, input: body.data });
    const dto = await getOrderDto(r.orderId);
    return { orderId: r.orderId, number: dto?.number ?? "", created: r.created };
  },
});

/** A product by barcode or SKU, as a scanner types it (then Enter). */
export const lookupProductAction = defineAction({
  permission: "orders.view",
  schema: productCodeInput,
  run: (input) => lookupProductForOrder(input.code),
});

/** Up to 10 orderable products matching a name, SKU or barcode. */
export const searchProductsAction = defineAction({
  permission: "orders.view",
  schema: productSearchInput,
  run: (input) => searchProductsForOrder(input.q),
});

export const cancelOrderAction = defineAction({
  permission: "orders.manage",
  schema: cancelOrderInput,
  revalidate,
  run: (input, user) => cancelOrder(actorOf(user), { orderId: input.orderId, reason: input.reason || undefined }),
});

export const cancelOrderLineAction = defineAction({
  permission: "orders.manage",
  schema: cancelLineInput,
  revalidate,
  run: (input, user) => cancelOrderLine(actorOf(user), { orderId: input.orderId, lineId: input.lineId, reason: input.reason || undefined }),
});

export const holdOrderAction = defineAction({
  permission: "orders.manage",
  schema: holdOrderInput,
  revalidate,
  run: (input, user) => holdOrder(actorOf(user), input),
});

export const releaseOrderAction = defineAction({
  permission: "orders.manage",
  schema: orderIdInput,
  revalidate,
  run: (input, user) => releaseOrder(actorOf(user), input),
});

export const reallocateOrderAction = defineAction({
  permission: "orders.manage",
  schema: orderIdInput,
  revalidate,
  run: (input, user) => reallocateOrder(actorOf(user), input),
});
