"use server";
import { defineAction } from "@/lib/actions";
import { actorOf } from "@/lib/audit/service";
import { importProductFile, previewProductImport } from "@/lib/inventory/export";
import { productCsvInput } from "./schema";

/** Parse + plan against the database; nothing is written. */
export const previewProductImportAction = defineAction({
  permission: "inventory.manage",
  schema: productCsvInput,
  run: (input) => previewProductImport(input.csv),
});

/** Re-parses the same text on the server and imports it in one transaction. */
export const importProductsAction = defineAction({
  permission: "inventory.manage",
  schema: productCsvInput,
  revalidate: ["/inventory"],
  run: (input, user) => importProductFile(actorOf(user), input.csv),
});
