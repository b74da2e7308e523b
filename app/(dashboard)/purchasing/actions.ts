"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { actorOf } from "@/lib/audit/service";
import { purchaseOrderInput, putawayInput, receiptInput, supplierInput, supplierPriceInput } from "@/lib/purchasing/schema";
import {
  cancelPurchaseOrder, closePurchaseOrder, createPurchaseOrder, createSupplier, draftPurchaseOrdersFromSuggestions, putaway, receivePurchaseOrder, sendPurchaseOrder, setSupplierPrice,
} from "@/lib/purchasing/service";

const revalidate = ["/purchasing", "/inventory"];
const poId = z.object({ poId: z.uuid() }).strict();

export const createSupplierAction = defineAction({ permission: "purchasing.manage", schema: supplierInput, revalidate, run: (i, u) => createSupplier(actorOf(u), i) });
export const setSupplierPriceAction = defineAction({ permission: "purchasing.manage", schema: supplierPriceInput, revalidate, run: (i, u) => setSupplierPrice(actorOf(u), i) });
export const createPurchaseOrderAction = defineAction({ permission: "purchasing.manage", schema: purchaseOrderInput, revalidate, run: (i, u) => createPurchaseOrder(actorOf(u), i) });
export const sendPurchaseOrderAction = defineAction({ permission: "purchasing.manage", schema: poId, revalidate, run: (i, u) => sendPurchaseOrder(actorOf(u), i) });
export const cancelPurchaseOrderAction = defineAction({ permission: "purchasing.manage", schema: poId, revalidate, run: (i, u) => cancelPurchaseOrder(actorOf(u), i) });
export const closePurchaseOrderAction = defineAction({ permission: "purchasing.manage", schema: poId, revalidate, run: (i, u) => closePurchaseOrder(actorOf(u), i) });
export const draftFromSuggestionsAction = defineAction({ permission: "purchasing.manage", schema: z.object({}).strict(), revalidate, run: (_i, u) => draftPurchaseOrdersFromSuggestions(actorOf(u)) });

/** Receiving and putaway are warehouse work; allowing an over-receipt is checked for the manager role inside the service. */
export const receiveAction = defineAction({ permission: "warehouse.operate", schema: receiptInput, revalidate, run: (i, u) => receivePurchaseOrder({ ...actorOf(u), role: u.role }, i) });
export const putawayAction = defineAction({ permission: "warehouse.operate", schema: putawayInput, revalidate, run: (i, u) => putaway(actorOf(u), i) });
