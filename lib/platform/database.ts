/**
 * Which database a command uses (CONTRACT §1): DATABASE_URL when set; otherwise the embedded
 * one under .data/ — the running server of `npm start`/`npm run dev` when one is up, else one
 * started just for this command and stopped when it ends.
 */
import { env } from "../env";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDb } from "./embedded-postgres";
import { PG_DIR, clearRunInfo, localSecrets, readRunInfo, writeRunInfo } from "./local-data";

export const APP_DATABASE = "quartermaster";

export type ResolvedDb = {
  url: string;
  source: "env" | "running" | "started";
  embedded?: EmbeddedDb;
  release(): Promise<void>;
};

export class AlreadyRunningError extends Error {}

export async function resolveDatabase(opts: { command: string; exclusive?: boolean; webPort?: number } = { command: "command" }): Promise<ResolvedDb> {
  const e = env();
  if (e.DATABASE_URL) return { url: e.DATABASE_URL, source: "env", release: async () => {} };
  const running = readRunInfo();
  if (running) {
    if (opts.exclusive)
      throw new AlreadyRunningError(
        `Quartermaster is already running from this folder (${running.command}, pid ${running.pid}` +
          (running.webPort ? `, http://localhost:${running.webPort}` : "") +
          "). Stop it first (Ctrl-C in its terminal); nothing was changed.",
      );
    return { url: running.databaseUrl, source: "running", release: async () => {} };
  }
  const secrets = localSecrets();
  const db = await startEmbeddedPostgres({ dataDir: PG_DIR, password: secrets.pgPassword });
  await ensureDatabase(db.urlFor("postgres"), APP_DATABASE);
  const url = db.urlFor(APP_DATABASE);
  writeRunInfo({ pid: process.pid, pgPid: db.pid, port: db.port, databaseUrl: url, webPort: opts.webPort, startedAt: new Date().toISOString(), command: opts.command });
  return {
    url,
    source: "started",
    embedded: db,
    async release() {
      await db.stop();
      clearRunInfo();
    },
  };
}
