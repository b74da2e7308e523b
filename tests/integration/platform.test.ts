import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkHealth } from "@/lib/system/health";
import { startWorker } from "@/lib/jobs/worker";
import { isAlive, startEmbeddedPostgres } from "@/lib/platform/embedded-postgres";
import { applyMigrations, diffSchemaSql } from "@/lib/platform/migrate";
import { seed } from "@/lib/seed";
import { runIntegrityChecks } from "@/lib/integrity/checks";

describe("embedded PostgreSQL", () => {
  it("starts a real server, serves queries, and stops without leaving a process or files", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qm-embedded-"));
    const dataDir = path.join(dir, "pg");
    const server = await startEmbeddedPostgres({ dataDir, password: "pw", ephemeral: true });
    expect(isAlive(server.pid)).toBe(true);
    const c = new pg.Client({ connectionString: server.urlFor("postgres") });
    await c.connect();
    const { rows } = await c.query("SELECT current_setting('server_version_num')::int AS v");
    expect(rows[0].v).toBeGreaterThanOrEqual(180000);
    await c.end();
    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
    expect(fs.existsSync(dataDir)).toBe(false);
    await expect(new pg.Client({ connectionString: server.urlFor("postgres") }).connect()).rejects.toThrow();
  });

  it("keeps data across restarts of a persistent cluster", async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "qm-embedded-")), "pg");
    const first = await startEmbeddedPostgres({ dataDir, password: "pw" });
    let c = new pg.Client({ connectionString: first.urlFor("postgres") });
    await c.connect();
    await c.query("CREATE TABLE kept (v int)");
    await c.query("INSERT INTO kept VALUES (42)");
    await c.end();
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir, password: "pw" });
    c = new pg.Client({ connectionString: second.urlFor("postgres") });
    await c.connect();
    expect((await c.query("SELECT v FROM kept")).rows[0].v).toBe(42);
    await c.end();
    await second.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
});

describe("migrations", () => {
  it("are applied once; a second run applies nothing", async () => {
    expect(await applyMigrations(env().DATABASE_URL!)).toEqual([]);
    const rows = await db().$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`SELECT migration_name, finished_at FROM _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it("match schema.prisma: no schema change is missing a migration", async () => {
    const sql = await diffSchemaSql(env().DATABASE_URL!);
    expect(sql.replace(/--.*$/gm, "").trim()).toBe("");
  });
});

describe("seed", () => {
  it("seeds the demo company into an empty database once", async () => {
    const first = await seed({ demo: true });
    expect(first.seeded).toBe("demo");
    const roles = await db().user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } });
    expect(roles).toEqual(
      expect.arrayContaining([
        { email: "admin@example.com", role: "ADMIN" },
        { email: "manager@example.com", role: "MANAGER" },
        { email: "warehouse@example.com", role: "WAREHOUSE" },
        { email: "accountant@example.com", role: "ACCOUNTANT" },
        { email: "viewer@example.com", role: "VIEWER" },
      ]),
    );
    expect(await db().account.count()).toBeGreaterThanOrEqual(12);
    // The demo inventory: two warehouses, about forty products with history, books in step.
    expect(await db().warehouse.count()).toBe(2);
    expect(await db().product.count()).toBeGreaterThanOrEqual(40);
    expect(await db().stockMove.count()).toBeGreaterThan(300);
    expect((await runIntegrityChecks()).violations).toEqual([]);
    expect((await seed({ demo: true })).seeded).toBe("none");
    expect(await db().user.count()).toBe(5);
  });
});

describe("worker and health", () => {
  it("runs jobs from the PostgreSQL queue and reports its heartbeat in /api/health's check", async () => {
    const runner = await startWorker({ concurrency: 1 });
    try {
      const h = await checkHealth();
      expect(h).toMatchObject({ status: "ok", db: "ok", worker: "ok" });
      const before = (await db().workerHeartbeat.findMany()).reduce((s, r) => s + r.beats, 0n);
      // A job added in SQL (as services will do inside their transactions) is run by the worker.
      await db().$executeRaw`SELECT graphile_worker.add_job('heartbeat', '{}'::json)`;
      let after = before;
      for (let i = 0; i < 100 && after === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = (await db().workerHeartbeat.findMany()).reduce((s, r) => s + r.beats, 0n);
      }
      expect(after).toBe(before + 1n);
    } finally {
      await runner.stop();
    }
  });

  it("marks a worker that stopped beating as stale", async () => {
    await db().workerHeartbeat.deleteMany();
    expect((await checkHealth()).worker).toBe("unknown");
    await db().workerHeartbeat.create({ data: { id: "old-host:1", lastSeenAt: new Date(Date.now() - 10 * 60 * 1000) } });
    expect((await checkHealth()).worker).toBe("stale");
  });
});
