import { requireUser } from "@/lib/auth";
import { errorBody, httpStatus, toAppError } from "@/lib/errors";
import { exportOrdersCsv, orderExportFileName, orderListFilter } from "@/lib/orders/list-queries";

/**
 * GET /orders/export?q=&status=&channel=&from=&to=&sort=&dir= (signed-in session, orders.view):
 * every order the order list shows for these parameters, as a CSV download.
 * 401/403 answer JSON `{"error":{"code","message"}}`.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    await requireUser("orders.view");
    const csv = await exportOrdersCsv(orderListFilter(new URL(req.url).searchParams));
    return new Response(csv, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${orderExportFileName()}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    const err = toAppError(e, "GET /orders/export");
    return Response.json(errorBody(err), { status: httpStatus(err.code), headers: { "cache-control": "no-store" } });
  }
}
