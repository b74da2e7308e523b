import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { currentUser, requireUser, runAsUser } from "@/lib/auth";
import { actorOf } from "@/lib/audit/service";
import { changeUserRole, createUser, setUserActive } from "@/lib/users/service";
import { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } from "@/app/(dashboard)/settings/users/actions";
import { makeUser } from "./helpers";

describe("user administration through the server actions", () => {
  it("lets an admin create a user, audited with before/after", async () => {
    const admin = await makeUser("ADMIN");
    const res = await runAsUser(admin.id, () => createUserAction({ email: "New.Person@Test.local", name: "New Person", role: "MANAGER", password: "long-enough-1" }));
    expect(res.ok).toBe(true);
    const u = await db().user.findUniqueOrThrow({ where: { email: "new.person@test.local" } });
    expect(u.role).toBe("MANAGER");
    expect(u.passwordHash).toMatch(/^scrypt\$/);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: u.id, action: "user.create" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain(u.passwordHash);
  });

  it("refuses a VIEWER calling the admin-only action directly, and changes nothing", async () => {
    const viewer = await makeUser("VIEWER");
    const before = await db().user.count();
    for (const role of ["VIEWER", "MANAGER", "WAREHOUSE", "ACCOUNTANT"] as const) {
      const actorUser = role === "VIEWER" ? viewer : await makeUser(role);
      const countNow = await db().user.count();
      const res = await runAsUser(actorUser.id, () => createUserAction({ email: `sneaky-${role}@test.local`, name: "Sneaky", role: "ADMIN", password: "long-enough-1" }));
      expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await db().user.count()).toBe(countNow);
    }
    const res2 = await runAsUser(viewer.id, () => changeRoleAction({ userId: viewer.id, role: "ADMIN" }));
    expect(res2).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db().user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("VIEWER");
    expect(await db().user.count()).toBeGreaterThanOrEqual(before);
    expect(await db().user.count({ where: { email: { startsWith: "sneaky" } } })).toBe(0);
  });

  it("refuses callers without a session", async () => {
    const res = await createUserAction({ email: "anon@test.local", name: "Anon", role: "ADMIN", password: "long-enough-1" });
    expect(res).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await db().user.count({ where: { email: "anon@test.local" } })).toBe(0);
  });

  it("returns field-level errors for invalid input and writes nothing", async () => {
    const admin = await makeUser("ADMIN");
    const before = await db().user.count();
    const res = await runAsUser(admin.id, () => createUserAction({ email: "not-an-email", name: "", role: "KING" as never, password: "short" }));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe("VALIDATION");
    expect(Object.keys(res.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password", "role"]);
    expect(await db().user.count()).toBe(before);
  });

  it("reports a duplicate email on the email field", async () => {
    const admin = await makeUser("ADMIN");
    const existing = await makeUser("VIEWER");
    const res = await runAsUser(admin.id, () => createUserAction({ email: existing.email, name: "Dup", role: "VIEWER", password: "long-enough-1" }));
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { email: "Already in use" } });
  });

  it("ends a deactivated user's session at once, and a changed role applies at once", async () => {
    const admin = await makeUser("ADMIN");
    const staff = await makeUser("MANAGER");
    const sv = staff.sessionVersion;
    expect(await runAsUser(staff.id, () => currentUser(), { sessionVersion: sv })).toMatchObject({ role: "MANAGER" });
    await runAsUser(admin.id, () => setActiveAction({ userId: staff.id, active: "false" }));
    expect(await runAsUser(staff.id, () => currentUser(), { sessionVersion: sv })).toBeNull();
    await expect(runAsUser(staff.id, () => requireUser(), { sessionVersion: sv })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await setUserActive(actorOf(admin), { userId: staff.id, active: true });
    const fresh = await db().user.findUniqueOrThrow({ where: { id: staff.id } });
    // The old token stays dead after reactivation: a new sign-in is needed.
    expect(await runAsUser(staff.id, () => currentUser(), { sessionVersion: sv })).toBeNull();
    expect(await runAsUser(staff.id, () => currentUser(), { sessionVersion: fresh.sessionVersion })).toMatchObject({ role: "MANAGER" });
    await changeUserRole(actorOf(admin), { userId: staff.id, role: "VIEWER" });
    const after = await db().user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(await runAsUser(staff.id, () => currentUser(), { sessionVersion: after.sessionVersion })).toMatchObject({ role: "VIEWER" });
    await expect(runAsUser(staff.id, () => requireUser("orders.manage"), { sessionVersion: after.sessionVersion })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("ends sessions on password reset", async () => {
    const admin = await makeUser("ADMIN");
    const staff = await makeUser("WAREHOUSE");
    const res = await runAsUser(admin.id, () => resetPasswordAction({ userId: staff.id, password: "brand-new-password" }));
    expect(res.ok).toBe(true);
    expect(await runAsUser(staff.id, () => currentUser(), { sessionVersion: staff.sessionVersion })).toBeNull();
  });

  it("never leaves the company without an active admin", async () => {
    await db().user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const admin = await makeUser("ADMIN");
    const other = await makeUser("MANAGER");
    await expect(changeUserRole(actorOf(other), { userId: admin.id, role: "VIEWER" })).rejects.toMatchObject({ code: "CONFLICT" });
    const res = await runAsUser(admin.id, () => setActiveAction({ userId: admin.id, active: "false" }));
    expect(res).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("creates users with a unique email even when submitted twice at once", async () => {
    const admin = await makeUser("ADMIN");
    const input = { email: "twice@test.local", name: "Twice", role: "VIEWER" as const, password: "long-enough-1" };
    const results = await Promise.allSettled([createUser(actorOf(admin), input), createUser(actorOf(admin), input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { email: "twice@test.local" } })).toBe(1);
  });
});
