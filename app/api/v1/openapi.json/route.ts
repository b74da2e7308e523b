import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json — the OpenAPI 3 document, generated from the same zod schemas as the routes. */
export async function GET(req: Request) {
  const origin = new URL(req.url).origin;
  return Response.json(openApiDocument(origin), { headers: { "cache-control": "no-store" } });
}
