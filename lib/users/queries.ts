import "server-only";
import { db } from "../db";
import type { UserDto } from "./service";

export async function listUsers(): Promise<(UserDto & { createdAt: string })[]> {
  const users = await db().user.findMany({ orderBy: [{ active: "desc" }, { email: "asc" }] });
  return users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt.toISOString() }));
}
