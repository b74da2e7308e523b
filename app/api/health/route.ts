import { checkHealth } from "@/lib/system/health";

export const dynamic = "force-dynamic";

/** GET /api/health (no auth): 200 {"status":"ok","db":"ok",...}; 503 when the database is unreachable. */
export async function GET() {
  const h = await checkHealth();
  return Response.json(h, { status: h.db === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
