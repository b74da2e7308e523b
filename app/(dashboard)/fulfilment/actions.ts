"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { actorOf } from "@/lib/audit/service";
import { checkBinScan, checkItemScan, closePackage, confirmPick, createWave, markDelivered, packScan, shipPackage } from "@/lib/fulfilment/service";
import { closePackageInput, packScanInput, pickInput, shipInput, waveInput } from "@/lib/fulfilment/schema";

const revalidate = ["/fulfilment", "/orders"];

export const createWaveAction = defineAction({
  permission: "warehouse.operate",
  schema: waveInput.extend({
    placedBefore: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.date({ error: "A date and time" }).optional()),
    channel: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(64).optional()),
  }),
  revalidate,
  run: (input, user) => createWave(actorOf(user), input),
});

const scanCheck = z.object({ taskId: z.uuid(), code: z.string().trim().min(1, { error: "Scan or type a code" }).max(128) }).strict();

/** Bin and item scans are checked on the server as they happen (nothing changes until the pick is confirmed). */
export const checkBinAction = defineAction({ permission: "warehouse.operate", schema: scanCheck, run: (input) => checkBinScan(input) });
export const checkItemAction = defineAction({ permission: "warehouse.operate", schema: scanCheck, run: (input) => checkItemScan(input) });

export const confirmPickAction = defineAction({ permission: "warehouse.operate", schema: pickInput, revalidate, run: (input, user) => confirmPick(actorOf(user), input) });

export const packScanAction = defineAction({ permission: "warehouse.operate", schema: packScanInput, run: (input, user) => packScan(actorOf(user), input) });

export const closePackageAction = defineAction({ permission: "warehouse.operate", schema: closePackageInput, revalidate, run: (input, user) => closePackage(actorOf(user), input) });

export const shipPackageAction = defineAction({
  permission: "warehouse.operate",
  schema: shipInput,
  revalidate,
  run: async (input, user) => {
    const r = await shipPackage(actorOf(user), input);
    return { shipmentId: r.shipmentId, trackingNumber: r.trackingNumber, orderStatus: r.orderStatus };
  },
});

export const markDeliveredAction = defineAction({ permission: "warehouse.operate", schema: z.object({ shipmentId: z.uuid() }).strict(), revalidate, run: (input, user) => markDelivered(actorOf(user), input) });
