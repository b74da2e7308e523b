import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { RoleName } from "@/lib/authz";

let hash: Promise<string> | undefined;

/** A user straight in the database (password "correct-horse-1"), for tests of services and actions. */
export async function makeUser(role: RoleName, opts: { active?: boolean } = {}) {
  hash ??= hashPassword("correct-horse-1");
  return db().user.create({
    data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.local`, name: `Test ${role}`, role, passwordHash: await hash, active: opts.active ?? true },
  });
}
