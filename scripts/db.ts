/** npm run db:migrate | db:migration -- <name> | db:reset */
import { setEnv } from "../lib/env";
import { resolveDatabase } from "../lib/platform/database";
import { applyMigrations, createMigration, resetDatabase } from "../lib/platform/migrate";

const [cmd, ...rest] = process.argv.slice(2);
const db = await resolveDatabase({ command: `db:${cmd}` });
setEnv({ DATABASE_URL: db.url });
let code = 0;
try {
  if (cmd === "migrate") {
    const applied = await applyMigrations(db.url);
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "Database is up to date.");
  } else if (cmd === "migration") {
    const name = rest.join(" ").trim();
    if (!name) throw new Error("Usage: npm run db:migration -- <name>");
    const dir = await createMigration(db.url, name);
    console.log(dir ? `Created ${dir}/migration.sql — review it, add constraints Prisma cannot express, then run npm run db:migrate.` : "No schema changes: no migration created.");
  } else if (cmd === "reset") {
    await resetDatabase(db.url);
    const applied = await applyMigrations(db.url);
    console.log(`Database reset; applied ${applied.length} migration(s). Run npm start (or npm run seed) to seed the demo company.`);
  } else {
    throw new Error("Usage: tsx scripts/db.ts migrate|migration <name>|reset");
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
} finally {
  await db.release();
}
process.exit(code);
