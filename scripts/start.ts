/**
 * npm start / npm run dev (CONTRACT §1): database (embedded under .data/ unless DATABASE_URL),
 * migrations, seed, build when needed, then the web server and the worker. Ctrl-C or SIGTERM
 * stops the children first, then the embedded database. A crash of either child stops all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { assertProductionSecrets, childEnv, env, EnvError, setEnv } from "../lib/env";
import { AlreadyRunningError, resolveDatabase, type ResolvedDb } from "../lib/platform/database";
import { applyMigrations, ROOT } from "../lib/platform/migrate";
import { localSecrets } from "../lib/platform/local-data";
import { buildIsCurrent, markBuilt } from "../lib/platform/build-stamp";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_BIN = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, () => s.close(() => resolve(true)));
  });
}

function runToEnd(args: string[], extraEnv: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, args, { stdio: "inherit", cwd: ROOT, env: childEnv(extraEnv) });
    c.on("exit", (code) => resolve(code ?? 1));
  });
}

let e;
try {
  e = env();
  assertProductionSecrets(e);
} catch (err) {
  fail(err instanceof EnvError ? err.message : String(err));
}
const port = e.PORT;
if (!(await portFree(port))) fail(`Port ${port} is already in use. Stop what uses it, or choose another: PORT=${port + 1} npm ${mode === "dev" ? "run dev" : "start"}`);

let db: ResolvedDb;
try {
  db = await resolveDatabase({ command: `npm ${mode === "dev" ? "run dev" : "start"}`, exclusive: true, webPort: port });
} catch (err) {
  fail(err instanceof AlreadyRunningError ? err.message : `Could not start the database: ${err instanceof Error ? err.message : err}`);
}
setEnv({ DATABASE_URL: db.url });

const children: ChildProcess[] = [];
let shuttingDown = false;
async function shutdown(code: number, why?: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (why) console.log(`\n${why}`);
  console.log("Stopping Quartermaster…");
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          const t = setTimeout(() => c.kill("SIGKILL"), 10_000);
          c.once("exit", () => {
            clearTimeout(t);
            resolve();
          });
          c.kill("SIGTERM");
        }),
    ),
  );
  await db.release();
  if (db.source === "started") console.log("Embedded database stopped.");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));
process.on("uncaughtException", (err) => {
  console.error(err);
  void shutdown(1);
});
db.embedded?.exited.then(() => void shutdown(1, "The embedded database stopped unexpectedly."));

try {
  const secrets = e.AUTH_SECRET && e.APP_ENCRYPTION_KEY ? null : localSecrets();
  const runtimeEnv: Record<string, string> = {
    DATABASE_URL: db.url,
    PORT: String(port),
    AUTH_SECRET: e.AUTH_SECRET ?? secrets!.authSecret,
    APP_ENCRYPTION_KEY: e.APP_ENCRYPTION_KEY ?? secrets!.encryptionKey,
    NEXTAUTH_URL: e.APP_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const applied = await applyMigrations(db.url);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);

  const seedCode = await runToEnd([TSX_BIN, "--conditions=react-server", path.join(ROOT, "scripts", "seed.ts")], runtimeEnv);
  if (seedCode !== 0) throw new Error("Seeding failed.");

  if (mode === "start" && !buildIsCurrent()) {
    console.log("Building the app (first start or changed sources; about a minute)…");
    const code = await runToEnd([NEXT_BIN, "build"], { ...runtimeEnv, NODE_ENV: "production" });
    if (code !== 0) throw new Error("The build failed.");
    markBuilt();
  }

  const web = spawn(process.execPath, [NEXT_BIN, mode === "dev" ? "dev" : "start", "-p", String(port)], {
    stdio: "inherit",
    cwd: ROOT,
    env: childEnv({ ...runtimeEnv, ...(mode === "start" ? { NODE_ENV: "production" } : {}) }),
  });
  const worker = spawn(process.execPath, [TSX_BIN, "--conditions=react-server", path.join(ROOT, "scripts", "worker.ts")], {
    stdio: "inherit",
    cwd: ROOT,
    env: childEnv(runtimeEnv),
  });
  children.push(web, worker);
  for (const [name, c] of [["web server", web], ["worker", worker]] as const)
    c.on("exit", (code, signal) => void shutdown(1, `The ${name} exited (${signal ?? code}); stopping everything.`));

  // Wait until the server answers, then print where to go.
  for (let i = 0; i < 600 && !shuttingDown; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!shuttingDown) {
    console.log(
      [
        "",
        `  Quartermaster is running: http://localhost:${port}`,
        `  Database: ${db.source === "env" ? "DATABASE_URL" : "embedded PostgreSQL under .data/ (port " + db.embedded?.port + ")"}`,
        "",
        "  Demo logins (password: demo-password):",
        "    admin@example.com       ADMIN",
        "    manager@example.com     MANAGER",
        "    warehouse@example.com   WAREHOUSE",
        "    accountant@example.com  ACCOUNTANT",
        "    viewer@example.com      VIEWER",
        "",
        "  Press Ctrl-C to stop.",
        "",
      ].join("\n"),
    );
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
}
