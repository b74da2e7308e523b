import { apiRoute } from "@/lib/api/handler";
import { apiActor } from "@/lib/api/keys";
import { setReorderRule } from "@/lib/inventory/reorder";
import { reorderRuleInput } from "@/lib/inventory/schema";

/** PUT /api/v1/inventory/reorder-rules (admin): 200 the rule. */
export const PUT = apiRoute({
  auth: "admin",
  body: reorderRuleInput,
  run: async ({ body, principal }) => ({ status: 200, body: await setReorderRule(apiActor(principal), body) }),
});
