/**
 * Offline Prisma migrations (STACK.md): the Prisma CLI downloads a native schema engine,
 * which cannot be reached here, so we drive the WebAssembly build of the same engine
 * (`@prisma/schema-engine-wasm`) through the pg driver adapter. It writes the same
 * `_prisma_migrations` table as `prisma migrate deploy`, and keeps the standard
 * `prisma/migrations/<timestamp>_<name>/migration.sql` layout, so a machine with internet
 * can use the normal CLI on the same folder.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const require = createRequire(import.meta.url);

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
/** The schema as of the newest migration; `db:migration` diffs the current schema against it. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string }>;
  reset(input: unknown): Promise<void>;
  free(): void;
};

type Bg = Record<string, unknown> & {
  __wbg_set_wasm(w: unknown): void;
  SchemaEngine: { new (...a: unknown[]): unknown; new: (o: unknown, cb: unknown, a: unknown) => Promise<Engine> };
};

let bgPromise: Promise<Bg> | undefined;

async function loadEngineModule(): Promise<Bg> {
  bgPromise ??= (async () => {
    const bgFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const dir = path.dirname(bgFile);
    const bg = (await import(bgFile)) as Bg;
    const imports: Record<string, WebAssembly.ImportValue> = {};
    for (const [name, fn] of Object.entries(bg)) {
      if (typeof fn !== "function") continue;
      // The engine arms long timers that would keep Node alive after we are done.
      imports[name] = name.startsWith("__wbg_setTimeout_")
        ? (cb: () => void, ms: number) => {
            const t = setTimeout(cb, ms);
            t.unref();
            return t;
          }
        : (fn as WebAssembly.ImportValue);
    }
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return bgPromise;
}

/**
 * The pg adapter runs a migration script by splitting it on every ";", which breaks
 * PL/pgSQL function bodies and comments. PostgreSQL runs a multi-statement script as one
 * simple query (one implicit transaction), so send it whole.
 */
function wholeScriptAdapter(base: PrismaPg): PrismaPg {
  type Internals = { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
  const connect = base.connect.bind(base);
  base.connect = async () => {
    const adapter = await connect();
    const internals = adapter as unknown as Internals;
    adapter.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (e) {
        internals.onError(e);
      }
    };
    return adapter;
  };
  return base;
}

async function withEngine<T>(url: string, schema: string, fn: (e: Engine) => Promise<T>): Promise<T> {
  const bg = await loadEngineModule();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const factory = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(new PrismaPg(pool)));
  const engine = await bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

function migrationsList() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok", value: fs.readFileSync(file, "utf8") }
            : { tag: "error", value: "migration.sql is missing" },
        },
      };
    }),
  };
}

const filters = { externalTables: [], externalEnums: [] };

function engineError(e: unknown): Error {
  if (e instanceof Error) return e;
  const msg = typeof e === "object" && e && "message" in e ? String((e as { message: unknown }).message) : String(e);
  return new Error(msg);
}

/** Applies pending migrations; returns the names applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  try {
    return await withEngine(url, schema, async (e) => {
      const out = await e.applyMigrations({ migrationsList: migrationsList(), filters });
      return out.appliedMigrationNames;
    });
  } catch (e) {
    throw engineError(e);
  }
}

/** Drops everything in the database's schema (data and tables). */
export async function resetDatabase(url: string): Promise<void> {
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  try {
    await withEngine(url, schema, (e) => e.reset({ filter: filters }));
  } catch (e) {
    throw engineError(e);
  }
}

/** SQL that turns the schema of the newest migration into the current schema.prisma. */
export async function diffSchemaSql(url: string): Promise<string> {
  const current = fs.readFileSync(SCHEMA_PATH, "utf8");
  const from = fs.existsSync(SNAPSHOT_PATH)
    ? { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: fs.readFileSync(SNAPSHOT_PATH, "utf8") }] }
    : { tag: "empty" };
  let captured = "";
  const origWrite = process.stdout.write.bind(process.stdout);
  try {
    return await withEngine(url, current, async (e) => {
      // The engine prints the script through its logger on stdout; capture it.
      process.stdout.write = ((chunk: string | Uint8Array) => {
        captured += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
        return true;
      }) as typeof process.stdout.write;
      const res = await e.diff({
        from,
        to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: current }] },
        script: true,
        exitCode: null,
        shadowDatabaseUrl: null,
        filters,
      });
      process.stdout.write = origWrite;
      return res.stdout ?? captured;
    });
  } catch (e) {
    throw engineError(e);
  } finally {
    process.stdout.write = origWrite;
  }
}

/** Writes a new migration folder from the schema change; returns its path, or null when nothing changed. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "migration";
  const sql = await diffSchemaSql(url);
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) return null;
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock))
    fs.writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  fs.copyFileSync(SCHEMA_PATH, SNAPSHOT_PATH);
  return dir;
}
