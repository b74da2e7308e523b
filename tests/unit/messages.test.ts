import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";

describe("message catalog", () => {
  it("merges every namespace file, each defined once", () => {
    const m = loadMessages("en");
    for (const ns of ["common", "nav", "login", "users", "inventory", "warehouse", "apiKeys"]) expect(m, ns).toHaveProperty(ns);
  });
});
