import { afterEach, describe, expect, it } from "vitest";
import { assertProductionSecrets, env, setEnv } from "@/lib/env";

const saved = { NODE_ENV: process.env.NODE_ENV, DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: process.env.AUTH_SECRET, APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY, PORT: process.env.PORT };
afterEach(() => setEnv(saved));

describe("env", () => {
  it("refuses production without secrets, naming the variable", () => {
    setEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db.example.com:5432/qm", AUTH_SECRET: undefined, APP_ENCRYPTION_KEY: "k".repeat(40) });
    expect(() => assertProductionSecrets(env())).toThrow(/AUTH_SECRET/);
    setEnv({ AUTH_SECRET: "s".repeat(40), APP_ENCRYPTION_KEY: undefined });
    expect(() => assertProductionSecrets(env())).toThrow(/APP_ENCRYPTION_KEY/);
    setEnv({ APP_ENCRYPTION_KEY: "k".repeat(40) });
    expect(() => assertProductionSecrets(env())).not.toThrow();
  });
  it("does not require secrets in development", () => {
    setEnv({ NODE_ENV: "development", AUTH_SECRET: undefined, APP_ENCRYPTION_KEY: undefined });
    expect(() => assertProductionSecrets(env())).not.toThrow();
  });
  it("rejects invalid values with the variable's name", () => {
    setEnv({ PORT: "not-a-port" });
    expect(() => env()).toThrow(/PORT/);
  });
});
