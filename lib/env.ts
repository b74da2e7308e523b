import { z } from "zod";

/**
 * The only reader of process.env. Parsed lazily (scripts set DATABASE_URL after they
 * start the embedded database) and validated with zod; production refuses to run
 * without the secrets, naming the variable.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  APP_ENCRYPTION_KEY: z.string().min(32, "APP_ENCRYPTION_KEY must be at least 32 characters").optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Quartermaster <no-reply@localhost>"),
  DEMO: z.enum(["0", "1"]).default("1"),
  APP_URL: z.url().optional(),
  CHROMIUM_PATH: z.string().optional(),
  CI: z.string().optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

function clean(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}

export class EnvError extends Error {}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(clean(process.env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Production means NODE_ENV=production with an external database (CONTRACT §2). */
export function isProduction(e: Env = env()): boolean {
  return e.NODE_ENV === "production" && Boolean(e.DATABASE_URL);
}

/** Throws a message naming the missing variable when production runs without its secrets. */
export function assertProductionSecrets(e: Env = env()): void {
  if (!isProduction(e)) return;
  const missing = (["AUTH_SECRET", "APP_ENCRYPTION_KEY"] as const).filter((k) => !e[k]);
  if (missing.length)
    throw new EnvError(
      `Refusing to start in production: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set. ` +
        "Set each to a random string of at least 32 characters, the same on every web and worker process.",
    );
}

/** Overrides for this process and the children it spawns (scripts only). */
export function setEnv(values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  cached = undefined;
}

/** The environment handed to child processes. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
