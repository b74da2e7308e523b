/** npm run integrity (CONTRACT §1): one line per violation, then `integrity: N checks, N violations`. */
import { disconnectDb } from "../lib/db";
import { setEnv } from "../lib/env";
import { runIntegrityChecks } from "../lib/integrity/checks";
import { resolveDatabase } from "../lib/platform/database";

const dbr = await resolveDatabase({ command: "integrity" });
setEnv({ DATABASE_URL: dbr.url });
let code = 1;
try {
  const report = await runIntegrityChecks();
  for (const v of report.violations) console.log(`VIOLATION ${v.check}: ${v.detail}`);
  console.log(`integrity: ${report.checks.length} checks, ${report.violations.length} violations`);
  code = report.violations.length === 0 ? 0 : 1;
} catch (e) {
  console.error(`integrity: could not run: ${e instanceof Error ? e.message : e}`);
  code = 2;
} finally {
  await disconnectDb();
  await dbr.release();
}
process.exit(code);
