import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can } from "@/lib/authz";
import { AppError, errorBody, httpStatus, issuesFromZod } from "@/lib/errors";
import { pickFormatLocale } from "@/lib/i18n/locale";
import { z } from "zod";

describe("permission map", () => {
  it("gives admins every permission", () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can("ADMIN", p)).toBe(true);
  });
  it("keeps viewers read-only", () => {
    const writes = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => !p.endsWith(".view"));
    for (const p of writes) expect(can("VIEWER", p), p).toBe(false);
  });
  it("limits user management, audit and health to admins", () => {
    for (const r of ROLES.filter((r) => r !== "ADMIN")) {
      expect(can(r, "users.manage")).toBe(false);
      expect(can(r, "audit.view")).toBe(false);
      expect(can(r, "system.health")).toBe(false);
    }
  });
  it("lets warehouse staff operate the warehouse but not post to the books", () => {
    expect(can("WAREHOUSE", "warehouse.operate")).toBe(true);
    expect(can("WAREHOUSE", "accounting.post")).toBe(false);
    expect(can("ACCOUNTANT", "accounting.post")).toBe(true);
    expect(can("ACCOUNTANT", "warehouse.operate")).toBe(false);
  });
});

describe("errors", () => {
  it("maps codes to HTTP statuses once", () => {
    expect(httpStatus("BAD_REQUEST")).toBe(400);
    expect(httpStatus("UNAUTHENTICATED")).toBe(401);
    expect(httpStatus("FORBIDDEN")).toBe(403);
    expect(httpStatus("NOT_FOUND")).toBe(404);
    expect(httpStatus("CONFLICT")).toBe(409);
    expect(httpStatus("PAYLOAD_TOO_LARGE")).toBe(413);
    expect(httpStatus("VALIDATION")).toBe(422);
    expect(httpStatus("RATE_LIMITED")).toBe(429);
  });
  it("builds the CONTRACT error body with dotted issue paths", () => {
    const r = z.object({ lines: z.array(z.object({ quantity: z.number().int().positive() })) }).safeParse({ lines: [{ quantity: 0 }] });
    expect(r.success).toBe(false);
    const e = new AppError("VALIDATION", "Invalid order", { issues: issuesFromZod(r.error!) });
    const body = errorBody(e);
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.issues?.[0]?.path).toBe("lines.0.quantity");
    expect(errorBody(new AppError("NOT_FOUND", "x")).error).not.toHaveProperty("issues");
  });
});

describe("locale", () => {
  it("picks the first supported locale of Accept-Language", () => {
    expect(pickFormatLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(pickFormatLocale("")).toBe("en-US");
    expect(pickFormatLocale("*")).toBe("en-US");
    expect(pickFormatLocale("not a locale!!, fr-FR")).toBe("fr-FR");
  });
});
