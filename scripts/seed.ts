/** Seeds base data, and the demo company into an empty database (DEMO=0 disables the demo). */
import { env } from "../lib/env";
import { disconnectDb } from "../lib/db";
import { seed } from "../lib/seed";
import { resolveDatabase } from "../lib/platform/database";
import { setEnv } from "../lib/env";

const dbr = await resolveDatabase({ command: "seed" });
setEnv({ DATABASE_URL: dbr.url });
try {
  const r = await seed({ demo: env().DEMO !== "0" });
  if (r.seeded === "demo") console.log("Seeded the demo company.");
  if (r.seeded === "admin") console.log(`Created admin@example.com with password: ${r.adminPassword}\n(shown once; change it under Settings → Users)`);
} finally {
  await disconnectDb();
  await dbr.release();
}
