import { describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, isThrottled, recordLoginAttempt } from "@/lib/auth/throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("login throttling", () => {
  it("blocks an email after 5 failures in 15 minutes, whatever the IP", async () => {
    const email = "victim@test.local";
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordLoginAttempt(email, `10.0.0.${i}`, false);
    expect(await isThrottled(email, "10.9.9.9")).toBe(false);
    await recordLoginAttempt(email, "10.0.0.99", false);
    expect(await isThrottled(email, "10.9.9.9")).toBe(true);
    // Older than the window: no longer counted.
    expect(await isThrottled(email, "10.9.9.9", new Date(Date.now() + 16 * 60 * 1000))).toBe(false);
  });

  it("blocks an IP that tries many emails", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await recordLoginAttempt(`spray-${i}@test.local`, "192.0.2.50", false);
    expect(await isThrottled("fresh@test.local", "192.0.2.50")).toBe(true);
    expect(await isThrottled("fresh@test.local", "192.0.2.51")).toBe(false);
  });

  it("a successful sign-in clears the count for that email", async () => {
    const email = "forgetful@test.local";
    for (let i = 0; i < 3; i++) await recordLoginAttempt(email, "198.51.100.1", false);
    await recordLoginAttempt(email, "198.51.100.1", true);
    for (let i = 0; i < 3; i++) await recordLoginAttempt(email, "198.51.100.2", false);
    expect(await isThrottled(email, "198.51.100.3")).toBe(false);
  });
});

describe("password hashing", () => {
  it("verifies the right password only", async () => {
    const h = await hashPassword("demo-password");
    expect(h).not.toContain("demo-password");
    expect(await verifyPassword("demo-password", h)).toBe(true);
    expect(await verifyPassword("demo-passwore", h)).toBe(false);
    expect(await verifyPassword("demo-password", "garbage")).toBe(false);
    expect(await hashPassword("demo-password")).not.toBe(h); // salted
  });
});
