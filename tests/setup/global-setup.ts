/**
 * Starts a throw-away embedded PostgreSQL (unless TEST_DATABASE_URL points at one), creates a
 * migrated template database once, and hands the server URL to the test workers; each test
 * file then gets its own database cloned from the template (tests/setup/worker-db.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, type EmbeddedDb } from "../../lib/platform/embedded-postgres";
import { applyMigrations } from "../../lib/platform/migrate";
import { TEMPLATE_DB, assertLocal, withDatabase } from "./db-names";

let embedded: EmbeddedDb | undefined;

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qm-vitest-"));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: "test", ephemeral: true });
    serverUrl = embedded.urlFor("postgres");
  }
  assertLocal(serverUrl);
  await dropDatabase(serverUrl, TEMPLATE_DB);
  await ensureDatabase(serverUrl, TEMPLATE_DB);
  const templateUrl = withDatabase(serverUrl, TEMPLATE_DB);
  await applyMigrations(templateUrl);
  // Base data every database has (chart of accounts), through the same code as npm start.
  process.env.DATABASE_URL = templateUrl;
  const { seedBase } = await import("../../lib/seed/base");
  await seedBase();
  const { disconnectDb } = await import("../../lib/db");
  await disconnectDb();
  project.provide("testServerUrl", serverUrl);
  return async () => {
    if (embedded) await embedded.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}
