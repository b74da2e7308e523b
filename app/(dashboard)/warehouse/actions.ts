"use server";
import { defineAction } from "@/lib/actions";
import { actorOf } from "@/lib/audit/service";
import { createLocation, createWarehouse } from "@/lib/inventory/locations";
import { locationInput, warehouseInput } from "@/lib/inventory/schema";

// Revalidating any path also re-renders the page the action was called from (/warehouse/<code>).
const revalidate = ["/warehouse"];

export const createWarehouseAction = defineAction({
  permission: "inventory.manage",
  schema: warehouseInput,
  revalidate,
  run: (input, user) => createWarehouse(actorOf(user), input),
});

export const createLocationAction = defineAction({
  permission: "inventory.manage",
  schema: locationInput,
  revalidate,
  run: (input, user) => createLocation(actorOf(user), input),
});
