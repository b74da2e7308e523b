/** One error type with stable codes, mapped once to HTTP status and to action results. */
export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "UNBALANCED_ENTRY"
  | "INTERNAL";

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  constructor(code: ErrorCode, message: string, opts: { issues?: FieldIssue[]; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.issues = opts.issues;
  }
}

export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case "BAD_REQUEST":
      return 400;
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "CONFLICT":
    case "UNBALANCED_ENTRY":
      return 409;
    case "PAYLOAD_TOO_LARGE":
      return 413;
    case "VALIDATION":
      return 422;
    case "RATE_LIMITED":
      return 429;
    case "INTERNAL":
      return 500;
  }
}

/** Maps zod issues to `{path, message}` with dotted paths ("lines.0.quantity"). */
export function issuesFromZod(err: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): FieldIssue[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Turns anything thrown into an AppError; unknown errors are logged with context, never shown raw. */
export function toAppError(e: unknown, context: string): AppError {
  if (e instanceof AppError) return e;
  console.error(`[${context}] unexpected error`, e);
  return new AppError("INTERNAL", "Something went wrong. It has been logged; please try again.");
}

/** Body of an API error (CONTRACT §4). */
export function errorBody(e: AppError) {
  return {
    error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) },
  };
}
