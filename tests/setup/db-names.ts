/** Test databases must be local: the suite creates and drops databases freely. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host))
    throw new Error(`Refusing to run tests against a non-local database (${host}). TEST_DATABASE_URL must point at localhost.`);
}

export const TEMPLATE_DB = "qm_test_template";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
