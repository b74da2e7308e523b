import { z } from "zod";
import { ROLES } from "../authz";

const email = z.email({ error: "Enter a valid email address" }).max(254).transform((e) => e.toLowerCase());
const password = z.string().min(10, { error: "At least 10 characters" }).max(200, { error: "At most 200 characters" });

export const createUserInput = z
  .object({
    email,
    name: z.string().trim().min(1, { error: "Enter a name" }).max(120),
    role: z.enum(ROLES, { error: "Choose a role" }),
    password,
  })
  .strict();

export const changeRoleInput = z.object({ userId: z.uuid(), role: z.enum(ROLES, { error: "Choose a role" }) }).strict();
export const setActiveInput = z.object({ userId: z.uuid(), active: z.enum(["true", "false"]).transform((v) => v === "true") }).strict();
export const resetPasswordInput = z.object({ userId: z.uuid(), password }).strict();

export type CreateUserInput = z.infer<typeof createUserInput>;
