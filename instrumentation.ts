/** Runs once when a Next.js server process starts: refuse to run misconfigured in production. */
export async function register() {
  if (typeof window !== "undefined") return;
  const { assertProductionSecrets, env } = await import("./lib/env");
  assertProductionSecrets(env());
}
