import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./migrate";

const INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"];
const STAMP = path.join(ROOT, ".next", "qm-build-stamp");

function walk(p: string, out: string[]) {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const e of fs.readdirSync(p).sort()) if (e !== "generated" && e !== "node_modules") walk(path.join(p, e), out);
  } else out.push(p);
}

/** A hash of everything the production build depends on. */
export function sourceHash(): string {
  const files: string[] = [];
  for (const i of INPUTS) walk(path.join(ROOT, i), files);
  const h = createHash("sha256");
  for (const f of files) h.update(path.relative(ROOT, f)).update("\0").update(fs.readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function buildIsCurrent(): boolean {
  return fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === sourceHash();
}

export function markBuilt(): void {
  fs.writeFileSync(STAMP, sourceHash());
}
