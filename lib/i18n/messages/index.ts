import fs from "node:fs";
import path from "node:path";

/**
 * The message catalog of a language: every JSON file in messages/<locale>/ holds one or more
 * top-level namespaces (one file per area keeps edits apart). Read once per process.
 */
const cache = new Map<string, Record<string, unknown>>();

export function loadMessages(locale: string): Record<string, unknown> {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(process.cwd(), "lib", "i18n", "messages", locale);
  const merged: Record<string, unknown> = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const part = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Record<string, unknown>;
    for (const [k, v] of Object.entries(part)) {
      if (k in merged) throw new Error(`Message namespace "${k}" is defined twice (${f})`);
      merged[k] = v;
    }
  }
  cache.set(locale, merged);
  return merged;
}
