import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireUser, type SessionUser } from "./auth";
import type { Permission } from "./authz";
import { AppError, issuesFromZod, toAppError, type ErrorCode } from "./errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

function formToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) {
    if (k.startsWith("$ACTION")) continue;
    out[k] = typeof v === "string" ? v : v;
  }
  return out;
}

/**
 * The one wrapper every server action goes through:
 * authenticate → authorize → parse with zod → call one service → revalidate → small result.
 */
export function defineAction<S extends z.ZodType, R>(def: {
  permission: Permission;
  schema: S;
  run: (input: z.output<S>, user: SessionUser) => Promise<R>;
  revalidate?: string[];
}): (input: FormData | z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    try {
      const user = await requireUser(def.permission);
      const raw = input instanceof FormData ? formToObject(input) : input;
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const i of issuesFromZod(parsed.error)) fieldErrors[i.path || "_"] ??= i.message;
        return { ok: false, code: "VALIDATION", message: "Please correct the highlighted fields.", fieldErrors };
      }
      const data = await def.run(parsed.data, user);
      for (const p of def.revalidate ?? []) {
        try {
          revalidatePath(p, "layout"); // the page and everything below it
        } catch {
          /* outside a Next.js request (worker, tests) there is no cache to revalidate */
        }
      }
      return { ok: true, data };
    } catch (e) {
      const err = toAppError(e, "action");
      const fieldErrors = err.issues ? Object.fromEntries(err.issues.map((i) => [i.path, i.message])) : undefined;
      return { ok: false, code: err.code, message: err.message, ...(fieldErrors ? { fieldErrors } : {}) };
    }
  };
}

export { AppError };
