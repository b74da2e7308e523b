/**
 * The local `.data/` folder (git-ignored): the embedded cluster, the secrets generated for
 * development, and the run file through which a second command finds the running server.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./migrate";
import { isAlive } from "./embedded-postgres";

export const DATA_DIR = path.join(ROOT, ".data");
export const PG_DIR = path.join(DATA_DIR, "pg");
const SECRETS_FILE = path.join(DATA_DIR, "secrets.json");
const RUN_FILE = path.join(DATA_DIR, "run.json");

export type LocalSecrets = { pgPassword: string; authSecret: string; encryptionKey: string };

/** Generated once, kept under .data/ (mode 600), reused by every later start. */
export function localSecrets(): LocalSecrets {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (fs.existsSync(SECRETS_FILE)) return JSON.parse(fs.readFileSync(SECRETS_FILE, "utf8")) as LocalSecrets;
  const s: LocalSecrets = {
    pgPassword: randomBytes(18).toString("base64url"),
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64url"),
  };
  fs.writeFileSync(SECRETS_FILE, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}

export type RunInfo = { pid: number; pgPid: number; port: number; databaseUrl: string; webPort?: number; startedAt: string; command: string };

/** The running `npm start`/`npm run dev` (or a command that started the database), if any. */
export function readRunInfo(): RunInfo | null {
  if (!fs.existsSync(RUN_FILE)) return null;
  try {
    const info = JSON.parse(fs.readFileSync(RUN_FILE, "utf8")) as RunInfo;
    if (isAlive(info.pid) && isAlive(info.pgPid)) return info;
  } catch {
    /* unreadable: treat as stale */
  }
  fs.rmSync(RUN_FILE, { force: true });
  return null;
}

/** Claims the data folder; fails when another live process holds it. */
export function writeRunInfo(info: RunInfo): void {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const tmp = `${RUN_FILE}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, RUN_FILE);
}

export function clearRunInfo(pid = process.pid): void {
  const info = fs.existsSync(RUN_FILE) ? (JSON.parse(fs.readFileSync(RUN_FILE, "utf8")) as RunInfo) : null;
  if (info?.pid === pid) fs.rmSync(RUN_FILE, { force: true });
}
