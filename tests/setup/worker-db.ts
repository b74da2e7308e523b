/** Each test file gets a fresh database cloned from the migrated template. */
import { afterAll, inject } from "vitest";
import { dropDatabase, ensureDatabase } from "../../lib/platform/embedded-postgres";
import { TEMPLATE_DB, withDatabase } from "./db-names";

const serverUrl = inject("testServerUrl");
const name = `qm_test_${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}`;
await dropDatabase(serverUrl, name);
await ensureDatabase(serverUrl, name, TEMPLATE_DB);
process.env.DATABASE_URL = withDatabase(serverUrl, name);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-123";
process.env.APP_ENCRYPTION_KEY ??= "test-encryption-key-test-encryption-key-1";

afterAll(async () => {
  const { disconnectDb } = await import("../../lib/db");
  await disconnectDb();
});
