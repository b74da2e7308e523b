/**
 * npm run api-key -- --admin [--name NAME]
 * npm run api-key -- --channel CODE [--name NAME]
 * Creates an API key (stored hashed) and prints it alone on the last line.
 */
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db";
import { setEnv } from "../lib/env";
import { createApiKey } from "../lib/api/keys";
import { SYSTEM_ACTOR } from "../lib/audit/service";
import { resolveDatabase } from "../lib/platform/database";

const { values } = parseArgs({ options: { admin: { type: "boolean" }, channel: { type: "string" }, name: { type: "string" } } });
if (!values.admin === !values.channel) {
  console.error("Usage: npm run api-key -- --admin [--name NAME]  |  npm run api-key -- --channel CODE [--name NAME]");
  process.exit(2);
}
const dbr = await resolveDatabase({ command: "api-key" });
setEnv({ DATABASE_URL: dbr.url });
let code = 0;
try {
  const kind = values.admin ? "ADMIN" : "CHANNEL";
  const name = values.name ?? (values.admin ? "admin (command line)" : `channel ${values.channel}`);
  const k = await createApiKey({ ...SYSTEM_ACTOR, label: "npm run api-key" }, { name, kind, channelCode: values.channel });
  console.log(`Created ${kind.toLowerCase()} API key "${name}" (${k.prefix}). It is shown once; store it now:`);
  console.log(k.key);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  code = 1;
} finally {
  await disconnectDb();
  await dbr.release();
}
process.exit(code);
