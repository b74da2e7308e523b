import { requireUser } from "@/lib/auth";
import { errorBody, httpStatus, toAppError } from "@/lib/errors";
import { exportProductsCsv, productExportFileName, productExportFilter } from "@/lib/inventory/export";

/**
 * GET /inventory/export?q=&category=&status=&stock=&sort=&dir= (signed-in session, inventory.view):
 * every product the inventory list shows for these parameters, as a CSV download.
 * 401/403 answer JSON `{"error":{"code","message"}}`.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    await requireUser("inventory.view");
    const filter = productExportFilter(new URL(req.url).searchParams);
    const csv = await exportProductsCsv(filter);
    return new Response(csv, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${productExportFileName()}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    const err = toAppError(e, "GET /inventory/export");
    return Response.json(errorBody(err), { status: httpStatus(err.code), headers: { "cache-control": "no-store" } });
  }
}
