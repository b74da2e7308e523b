import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "./db";
import { env } from "./env";
import { AppError } from "./errors";
import { can, type Permission, type RoleName } from "./authz";
import { dummyHash, verifyPassword } from "./auth/password";
import { isThrottled, recordLoginAttempt } from "./auth/throttle";

export type SessionUser = { id: string; email: string; name: string; role: RoleName };

/** Error codes the login page turns into messages; neither reveals whether an email exists. */
export const LOGIN_ERRORS = { invalid: "invalid", throttled: "throttled" } as const;

const credentials = z.object({ email: z.email().max(254), password: z.string().min(1).max(1024) });

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

export const authOptions: NextAuthOptions = {
  secret: env().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new Error(LOGIN_ERRORS.invalid);
        const email = parsed.data.email.toLowerCase();
        const ip = clientIp(req?.headers as Record<string, unknown> | undefined);
        if (await isThrottled(email, ip)) throw new Error(LOGIN_ERRORS.throttled);
        const user = await db().user.findUnique({ where: { email } });
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyHash()));
        if (!user || !ok || !user.active) {
          await recordLoginAttempt(email, ip, false);
          throw new Error(LOGIN_ERRORS.invalid);
        }
        await recordLoginAttempt(email, ip, true);
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as unknown as { sv: number }).sv;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.sub, sv: token.sv } as typeof session;
    },
  },
};

type Principal = { userId: string; sessionVersion?: number };
const actorStore = new AsyncLocalStorage<Principal>();

/**
 * Runs `fn` as the given user without a browser session (worker jobs, API keys acting for an
 * admin, integration tests of server actions). The user is still loaded and checked from the
 * database exactly as for a signed-in session.
 */
export function runAsUser<T>(userId: string, fn: () => Promise<T>, opts: { sessionVersion?: number } = {}): Promise<T> {
  return actorStore.run({ userId, sessionVersion: opts.sessionVersion }, fn);
}

async function principal(): Promise<Principal | null> {
  const stored = actorStore.getStore();
  if (stored) return stored;
  let session: { uid?: string; sv?: number } | null;
  try {
    session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  } catch {
    // Outside a request (no cookies to read) nobody is signed in: deny.
    return null;
  }
  if (!session?.uid) return null;
  return { userId: session.uid, sessionVersion: session.sv };
}

/**
 * The signed-in user, re-checked against the database on every request: a deactivated user,
 * a reset password or a changed role takes effect at once.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const p = await principal();
  if (!p) return null;
  const user = await db().user.findUnique({
    where: { id: p.userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active) return null;
  if (p.sessionVersion !== undefined && p.sessionVersion !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For server actions and route handlers: throws UNAUTHENTICATED / FORBIDDEN. */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  if (permission && !can(user.role, permission)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return user;
}
