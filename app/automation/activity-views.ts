// What the activity feed shows: plain data shared by the server and the screen.
import type { ActivityCursor, ActivityParams } from "./activity-params";

export interface DecisionRow {
  id: string;
  createdAt: string;
  orderName: string;
  fulfillmentOrderId: string;
  outcome: string;
  status: string;
  ruleId: string | null;
  ruleName: string | null;
  ruleVersion: number | null;
  reason: string;
  /** Shopify's refusal (its userErrors' messages) when it refused; null otherwise. */
  shopifyAnswer: string | null;
}

export interface ActivityView {
  params: ActivityParams;
  rows: DecisionRow[];
  /** Older decisions exist: the cursor to them. */
  next: ActivityCursor | null;
  /** Newer decisions exist: the cursor to them. */
  previous: ActivityCursor | null;
  /** The rules decisions name, for the rule filter. */
  rules: { id: string; name: string }[];
  timeZone: string;
}
