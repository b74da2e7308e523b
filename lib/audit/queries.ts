import "server-only";
import { db, type Prisma } from "../db";

export type AuditRow = {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export type AuditFilter = { q?: string; entityType?: string; actor?: string; from?: Date; to?: Date; page?: number };

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditLog(f: AuditFilter): Promise<{ rows: AuditRow[]; total: number; entityTypes: string[] }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.actor ? { actorLabel: { contains: f.actor, mode: "insensitive" } } : {}),
    ...(f.q ? { OR: [{ action: { contains: f.q, mode: "insensitive" } }, { entityId: { contains: f.q } }] } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
  const page = Math.max(1, f.page ?? 1);
  const [rows, total, types] = await Promise.all([
    db().auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db().auditLog.count({ where }),
    db().auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    total,
    entityTypes: types.map((t) => t.entityType),
  };
}
