"use server";
import { defineAction } from "@/lib/actions";
import { actorOf } from "@/lib/audit/service";
import { changeRoleInput, createUserInput, resetPasswordInput, setActiveInput } from "@/lib/users/schema";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/lib/users/service";

const revalidate = ["/settings/users"];

export const createUserAction = defineAction({
  permission: "users.manage",
  schema: createUserInput,
  revalidate,
  run: (input, user) => createUser(actorOf(user), input),
});

export const changeRoleAction = defineAction({
  permission: "users.manage",
  schema: changeRoleInput,
  revalidate,
  run: (input, user) => changeUserRole(actorOf(user), input),
});

export const setActiveAction = defineAction({
  permission: "users.manage",
  schema: setActiveInput,
  revalidate,
  run: (input, user) => setUserActive(actorOf(user), input),
});

export const resetPasswordAction = defineAction({
  permission: "users.manage",
  schema: resetPasswordInput,
  revalidate,
  run: (input, user) => resetUserPassword(actorOf(user), input),
});
