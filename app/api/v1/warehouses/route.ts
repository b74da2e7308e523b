import { apiRoute } from "@/lib/api/handler";
import { listWarehouseCodes } from "@/lib/inventory/api-queries";

export const GET = apiRoute({
  auth: "any",
  run: async () => ({ status: 200, body: { items: await listWarehouseCodes() } }),
});
