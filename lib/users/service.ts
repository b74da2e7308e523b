import "server-only";
import { transaction, isUniqueViolation, type Tx } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { hashPassword } from "../auth/password";
import type { RoleName } from "../authz";
import type { CreateUserInput } from "./schema";

export type UserDto = { id: string; email: string; name: string; role: RoleName; active: boolean };

const pick = (u: UserDto): UserDto => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active });

export async function createUser(actor: Actor, input: CreateUserInput): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async (tx) => {
      const u = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
      await recordAudit(tx, { actor, action: "user.create", entityType: "User", entityId: u.id, after: pick(u) });
      return pick(u);
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("CONFLICT", "A user with this email already exists.", { issues: [{ path: "email", message: "Already in use" }] });
    throw e;
  }
}

async function loadForUpdate(tx: Tx, userId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", "User not found.");
  return tx.user.findUniqueOrThrow({ where: { id: userId } });
}

/** There must always be one active admin left; checked under a lock on the admins. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  const others = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM users WHERE role = 'ADMIN' AND active AND id <> ${userId}::uuid FOR UPDATE`;
  if (others.length === 0) throw new AppError("CONFLICT", "This is the last active admin; make another user admin first.");
}

export async function changeUserRole(actor: Actor, opts: { userId: string; role: RoleName }): Promise<UserDto> {
  return transaction(async (tx) => {
    const before = await loadForUpdate(tx, opts.userId);
    if (before.role === opts.role) return pick(before);
    if (before.role === "ADMIN" && before.active) await assertAnotherActiveAdmin(tx, opts.userId);
    const after = await tx.user.update({ where: { id: opts.userId }, data: { role: opts.role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor, action: "user.change_role", entityType: "User", entityId: after.id, before: pick(before), after: pick(after) });
    return pick(after);
  });
}

export async function setUserActive(actor: Actor, opts: { userId: string; active: boolean }): Promise<UserDto> {
  return transaction(async (tx) => {
    const before = await loadForUpdate(tx, opts.userId);
    if (before.active === opts.active) return pick(before);
    if (!opts.active && actor.id === opts.userId) throw new AppError("CONFLICT", "You cannot deactivate yourself.");
    if (!opts.active && before.role === "ADMIN") await assertAnotherActiveAdmin(tx, opts.userId);
    const after = await tx.user.update({ where: { id: opts.userId }, data: { active: opts.active, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actor,
      action: opts.active ? "user.activate" : "user.deactivate",
      entityType: "User",
      entityId: after.id,
      before: pick(before),
      after: pick(after),
    });
    return pick(after);
  });
}

/** Sets a new password and ends the user's existing sessions. */
export async function resetUserPassword(actor: Actor, opts: { userId: string; password: string }): Promise<UserDto> {
  const passwordHash = await hashPassword(opts.password);
  return transaction(async (tx) => {
    const before = await loadForUpdate(tx, opts.userId);
    const after = await tx.user.update({ where: { id: opts.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor, action: "user.reset_password", entityType: "User", entityId: after.id, before: pick(before), after: pick(after) });
    return pick(after);
  });
}
