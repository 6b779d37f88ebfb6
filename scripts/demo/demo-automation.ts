// Demo only: a sensible rule set, switched on with the order trickle, so a newcomer watches
// automation act on new orders. The seeded history is left as it is: only orders placed after
// start-up are decided (automation is switched on directly, without re-deciding every FO).
import type { RuleSetInput } from "../../app/automation/rules/rule-set";

export const DEMO_RULE_SET: RuleSetInput = {
  rules: [
    {
      id: "vip-now",
      name: "VIP orders ship at once",
      conditions: [{ type: "order-tag", match: "any", values: ["vip"] }],
      action: { type: "request", scope: "whole" },
    },
    {
      id: "check-address",
      name: "Hold orders tagged for an address check",
      conditions: [{ type: "order-tag", match: "any", values: ["check-address"] }],
      action: {
        type: "hold",
        reason: "INCORRECT_ADDRESS",
        notes: "Confirm the address with the buyer",
        releaseAfterMinutes: 30,
      },
    },
    {
      id: "ship-paid",
      name: "Ship paid orders from the 3PL",
      conditions: [{ type: "delivery-method", in: ["SHIPPING"] }],
      action: { type: "request", scope: "whole" },
    },
  ],
  defaults: { preOrderTag: "pre-order", holdHighRisk: true },
};

export async function turnOnDemoAutomation(shop: string): Promise<void> {
  const { validateRuleSet } = await import("../../app/automation/rules/validate-rule-set");
  const { saveRuleSet, setAutomationSwitches } = await import("../../app/automation/rule-store.server");
  const checked = validateRuleSet(DEMO_RULE_SET);
  if (!checked.ok) throw new Error(`The demo's rule set is invalid: ${JSON.stringify(checked.errors)}`);
  await saveRuleSet(shop, checked.ruleSet, { actor: "demo", expectedVersion: 0 });
  await setAutomationSwitches(shop, { enabled: true }, "demo");
}
