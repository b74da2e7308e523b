import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { db } from "../db";
import { AppError, errorBody, httpStatus, issuesFromZod, toAppError } from "../errors";
import { authenticateApiKey, type ApiPrincipal } from "./keys";
import { hitRateLimit } from "./rate-limit";

export const MAX_BODY_BYTES = 1024 * 1024;

export type ApiContext<B> = { principal: ApiPrincipal; body: B; url: URL; params: Record<string, string>; req: Request };
export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

export function errorResponse(e: AppError, headers: Record<string, string> = {}): Response {
  return json(httpStatus(e.code), errorBody(e), headers);
}

export async function readBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 1 MB.");
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", "The request body is larger than 1 MB.");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The one wrapper of every REST route: API key → role of the key → rate limit → body
 * (JSON, ≤ 1 MB) → zod → Idempotency-Key → one service call → JSON. Errors always take the
 * CONTRACT shape; unknown ones are logged and answered with a generic message.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(def: {
  auth: "admin" | "any";
  body?: S;
  /** "service": the service itself makes POSTs idempotent (unique keys), so the generic record is skipped. */
  idempotency?: "generic" | "service";
  run: (ctx: ApiContext<S extends z.ZodType ? z.output<S> : undefined>) => Promise<ApiResult>;
}) {
  return async (req: Request, routeCtx?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    let rateHeaders: Record<string, string> = {};
    try {
      const header = req.headers.get("authorization") ?? "";
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new AppError("UNAUTHENTICATED", "Send an API key: Authorization: Bearer <key>.");
      const principal = await authenticateApiKey(m[1]!);
      if (!principal) throw new AppError("UNAUTHENTICATED", "The API key is unknown or revoked.");
      const wait = await hitRateLimit(`key:${principal.keyId}`);
      if (wait !== null) {
        rateHeaders = { "retry-after": String(wait) };
        throw new AppError("RATE_LIMITED", `Too many requests for this key; retry in ${wait} s.`);
      }
      if (def.auth === "admin" && principal.kind !== "ADMIN") throw new AppError("FORBIDDEN", "This needs an admin API key.");

      const url = new URL(req.url);
      const params = (await routeCtx?.params) ?? {};
      let body: unknown = undefined;
      let raw = "";
      if (def.body) {
        const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
        if (type !== "application/json") throw new AppError("BAD_REQUEST", "Content-Type must be application/json.");
        raw = await readBody(req);
        try {
          body = JSON.parse(raw);
        } catch {
          throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
        }
        const parsed = def.body.safeParse(body);
        if (!parsed.success) throw new AppError("VALIDATION", "The request is invalid.", { issues: issuesFromZod(parsed.error) });
        body = parsed.data;
      }

      const ctx = { principal, body, url, params, req } as ApiContext<S extends z.ZodType ? z.output<S> : undefined>;
      const idemKey = req.headers.get("idempotency-key");
      if (idemKey && req.method === "POST" && def.idempotency !== "service") return await withIdempotency(principal, idemKey, req.method, url.pathname, raw, () => def.run(ctx));
      const res = await def.run(ctx);
      return json(res.status, res.body, res.headers);
    } catch (e) {
      return errorResponse(toAppError(e, `api ${req.method} ${new URL(req.url).pathname}`), rateHeaders);
    }
  };
}

/**
 * Idempotency-Key (Stripe's rules): the first request with a key runs and its answer is kept;
 * a repeat with the same key and body gets that same answer and runs nothing; the same key
 * with another body is refused (422); a repeat while the first still runs gets 409.
 */
async function withIdempotency(principal: ApiPrincipal, key: string, method: string, path: string, raw: string, run: () => Promise<ApiResult>): Promise<Response> {
  if (key.length > 200) throw new AppError("VALIDATION", "Idempotency-Key is longer than 200 characters.", { issues: [{ path: "Idempotency-Key", message: "At most 200 characters" }] });
  const scope = principal.keyId;
  const requestHash = createHash("sha256").update(`${method} ${path}\n${raw}`).digest("hex");
  const inserted = await db().$queryRaw<{ key: string }[]>`
    INSERT INTO idempotency_records (scope, key, method, path, request_hash) VALUES (${scope}, ${key}, ${method}, ${path}, ${requestHash})
    ON CONFLICT (scope, key) DO NOTHING RETURNING key`;
  if (!inserted.length) {
    const prior = await db().idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
    if (!prior) throw new AppError("CONFLICT", "Retry the request.");
    if (prior.requestHash !== requestHash) throw new AppError("VALIDATION", "This Idempotency-Key was used with a different request.", { issues: [{ path: "Idempotency-Key", message: "Used with a different request" }] });
    if (prior.status === null) throw new AppError("CONFLICT", "A request with this Idempotency-Key is still being processed.");
    return json(prior.status, prior.response, { "idempotent-replayed": "true" });
  }
  try {
    const res = await run();
    await db().idempotencyRecord.update({ where: { scope_key: { scope, key } }, data: { status: res.status, response: res.body as object } });
    return json(res.status, res.body, res.headers);
  } catch (e) {
    const err = toAppError(e, `api ${method} ${path}`);
    if (err.code === "INTERNAL") await db().idempotencyRecord.delete({ where: { scope_key: { scope, key } } });
    else await db().idempotencyRecord.update({ where: { scope_key: { scope, key } }, data: { status: httpStatus(err.code), response: errorBody(err) as object } });
    throw err;
  }
}
