"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { actorOf } from "@/lib/audit/service";
import { retryOutboxEmail } from "@/lib/alerts/outbox";
import { setAlertSubscriptions, subscriptionInput } from "@/lib/alerts/service";

/** Every signed-in user chooses their own low-stock alerts. */
export const saveAlertSubscriptionsAction = defineAction({
  permission: "settings.view",
  schema: subscriptionInput,
  revalidate: ["/settings"],
  run: (input, user) => setAlertSubscriptions(actorOf(user), user.id, input),
});

export const retryOutboxAction = defineAction({
  permission: "system.health",
  schema: z.object({ id: z.string().regex(/^\d{1,18}$/) }).strict(),
  revalidate: ["/settings/outbox"],
  run: async (input) => {
    await retryOutboxEmail(BigInt(input.id));
    return { id: input.id };
  },
});
