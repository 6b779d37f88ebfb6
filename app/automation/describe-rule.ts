// A rule in one line of the merchant's words, for the rule list and the read-only versions.
// Pure: the screens use it.
import { en } from "~/i18n/en";
import type { Action, Condition } from "./rules/rule-set";

const t = en.automation;

const labelled = (values: readonly string[], labels: Record<string, string>) =>
  values.map((value) => labels[value] ?? value).join(", ") || "—";

const range = (min: number | null, max: number | null, unit = "") =>
  [min !== null ? `≥ ${min}${unit}` : null, max !== null ? `≤ ${max}${unit}` : null].filter(Boolean).join(" and ") ||
  "—";

/** `locations` names the location GIDs the ledger knows. */
export function describeCondition(condition: Condition, locations: Record<string, string> = {}): string {
  const title = t.conditions.types[condition.type] ?? condition.type;
  switch (condition.type) {
    case "delivery-method":
      return `${title}: ${labelled(condition.in, t.conditions.deliveryMethods)}`;
    case "financial-status":
      return `${title}: ${labelled(condition.in, t.conditions.financialStatuses)}`;
    case "risk-level":
      return `${title}: ${labelled(condition.in, t.conditions.riskLevels)}`;
    case "location":
      return `${title}: ${labelled(condition.in, locations)}`;
    case "destination":
      return `${title}: ${[...condition.countries, ...condition.regions].join(", ") || "—"}`;
    case "line-sku":
    case "line-product-tag":
    case "line-vendor":
      return `${title} (${t.conditions.lineMatch[condition.match]}): ${condition.values.join(", ") || "—"}`;
    case "order-tag":
      return `${t.conditions.tagMatch[condition.match]}: ${condition.values.join(", ") || "—"}`;
    case "order-total":
      return `${title} ${range(condition.min, condition.max)}`;
    case "order-age":
      return `${title} ${range(condition.minMinutes, condition.maxMinutes, " min")}`;
  }
}

export function describeAction(action: Action): string {
  const a = t.actions;
  switch (action.type) {
    case "request": {
      const parts = [a.scopes[action.scope] ?? action.scope];
      if (action.delayMinutes > 0) parts.push(`${a.delayMinutes}: ${action.delayMinutes}`);
      if (action.allowUnpaid) parts.push(a.allowUnpaid);
      return `${a.types.request}: ${parts.join(" · ")}`;
    }
    case "hold": {
      const release =
        action.releaseAfterMinutes !== null ? ` · ${a.releaseAfterMinutes}: ${action.releaseAfterMinutes}` : "";
      return `${a.types.hold}: ${a.holdReasons[action.reason] ?? action.reason}${release}`;
    }
    case "skip":
      return a.types.skip ?? action.type;
  }
}
