import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env. The URL is only needed by CLI commands that talk to a
// database; `prisma generate` does not, so a placeholder keeps it working when unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // eslint-disable-next-line no-restricted-properties -- the Prisma CLI runs outside the app, lib/env.ts is not loaded here
    url: process.env.DATABASE_URL ?? "postgresql://placeholder@localhost:5432/placeholder",
  },
});
