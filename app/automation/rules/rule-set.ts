// The merchant's automation rules: an ordered list, first match wins, saved as versions.
// The zod schema is the shape; validate-rule-set.ts adds what a shape cannot say (a rule that can
// never match, a contradictory rule) as field errors. Pure: the UI may import it.
import { z } from "zod";
import { automationRules } from "~/i18n/sections/automation-rules";

const shape = automationRules.errors.shape;

/** Shopify's DeliveryMethodType (2026-10). */
export const DELIVERY_METHODS = ["SHIPPING", "PICK_UP", "LOCAL", "RETAIL", "NONE", "PICKUP_POINT"] as const;

/** Shopify's OrderDisplayFinancialStatus (2026-10). */
export const FINANCIAL_STATUSES = [
  "PENDING",
  "AUTHORIZED",
  "PARTIALLY_PAID",
  "PAID",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
  "VOIDED",
  "EXPIRED",
] as const;

/** Shopify's RiskAssessmentResult levels (2026-10), as the ledger stores the highest. */
export const RISK_LEVELS = ["NONE", "PENDING", "LOW", "MEDIUM", "HIGH"] as const;

/** Holds a rule may place: Shopify's own cross-sell hold is not ours to place. */
export const RULE_HOLD_REASONS = [
  "AWAITING_PAYMENT",
  "HIGH_RISK_OF_FRAUD",
  "INCORRECT_ADDRESS",
  "INVENTORY_OUT_OF_STOCK",
  "OTHER",
  "UNKNOWN_DELIVERY_DATE",
] as const;

const text = z.string().trim().min(1).max(255);
const values = z.array(text).max(100);
/** "any": at least one line matches; "all": every line of the FO matches. */
const lineMatch = z.enum(["any", "all"]);

export const Condition = z.discriminatedUnion("type", [
  z.object({ type: z.literal("delivery-method"), in: z.array(z.enum(DELIVERY_METHODS)).max(10) }),
  /** Assigned location, or the fulfillment service's location (a 3PL is a location too). */
  z.object({
    type: z.literal("location"),
    in: z.array(z.string().regex(/^gid:\/\/shopify\/Location\/\d+$/, shape.locationId)).max(100),
  }),
  /** Country codes (ISO 3166-1 alpha-2) and, optionally, region codes ("CA-ON", "US-NY"). */
  z.object({
    type: z.literal("destination"),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, shape.countryCode)).max(250),
    regions: z
      .array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, shape.regionCode))
      .max(250)
      .default([]),
  }),
  z.object({ type: z.literal("line-sku"), match: lineMatch, values }),
  z.object({ type: z.literal("line-product-tag"), match: lineMatch, values }),
  z.object({ type: z.literal("line-vendor"), match: lineMatch, values }),
  /** "any": the order has at least one of the tags; "none": it has none of them. */
  z.object({ type: z.literal("order-tag"), match: z.enum(["any", "none"]), values }),
  z.object({ type: z.literal("financial-status"), in: z.array(z.enum(FINANCIAL_STATUSES)).max(10) }),
  z.object({ type: z.literal("risk-level"), in: z.array(z.enum(RISK_LEVELS)).max(5) }),
  /** The order's total in the shop's currency: at least `min`, at most `max` (either optional). */
  z.object({
    type: z.literal("order-total"),
    min: z.number().nonnegative().max(1e12).nullable().default(null),
    max: z.number().nonnegative().max(1e12).nullable().default(null),
  }),
  /** Minutes since the order was placed: at least `min`, at most `max` (either optional). */
  z.object({
    type: z.literal("order-age"),
    minMinutes: z.number().int().nonnegative().max(525_600).nullable().default(null),
    maxMinutes: z.number().int().nonnegative().max(525_600).nullable().default(null),
  }),
]);
export type Condition = z.infer<typeof Condition>;
export type ConditionType = Condition["type"];

export const Action = z.discriminatedUnion("type", [
  /**
   * Request fulfillment from the FO's fulfillment service. "whole": every remaining line;
   * "matching-lines": only the lines the line conditions matched (the rest stays unsubmitted).
   * `delayMinutes` > 0: not before that many minutes after the order was placed.
   * `allowUnpaid`: request before the order is paid (off by default, as Shopify's own setting).
   */
  z.object({
    type: z.literal("request"),
    scope: z.enum(["whole", "matching-lines"]).default("whole"),
    delayMinutes: z.number().int().nonnegative().max(10_080).default(0),
    allowUnpaid: z.boolean().default(false),
    message: z.string().max(500).nullable().default(null),
  }),
  /** Hold with our handle; `releaseAfterMinutes` (from the hold) releases our own hold then. */
  z.object({
    type: z.literal("hold"),
    reason: z.enum(RULE_HOLD_REASONS),
    notes: z.string().max(255).nullable().default(null),
    releaseAfterMinutes: z.number().int().positive().max(43_200).nullable().default(null),
  }),
  z.object({ type: z.literal("skip") }),
]);
export type Action = z.infer<typeof Action>;

export const Rule = z.object({
  /** Stable across versions, so decisions and the activity feed can group by rule. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, shape.ruleId),
  name: text,
  enabled: z.boolean().default(true),
  /** All must hold; none = every FO. */
  conditions: z.array(Condition).max(20),
  action: Action,
});
export type Rule = z.infer<typeof Rule>;

/**
 * The defaults that mirror Shopify's own automatic fulfillment: local pickup is never automatic
 * (not configurable), pre-order lines are skipped, nothing is requested before payment unless a
 * rule says so (Action.allowUnpaid), and high-risk orders get a HIGH_RISK_OF_FRAUD hold.
 */
export const Defaults = z.object({
  /** Lines whose product carries this tag are never requested; null turns the default off. */
  preOrderTag: z.string().trim().min(1).max(255).nullable().default("pre-order"),
  holdHighRisk: z.boolean().default(true),
});
export type Defaults = z.infer<typeof Defaults>;

export const RuleSet = z.object({
  rules: z.array(Rule).max(50),
  defaults: Defaults.default({}),
});
export type RuleSet = z.infer<typeof RuleSet>;
/** What a form posts before defaults are filled in. */
export type RuleSetInput = z.input<typeof RuleSet>;

/** The rules a shop runs before it saves any: the defaults alone (no rule, so nothing is requested). */
export const EMPTY_RULE_SET: RuleSet = RuleSet.parse({ rules: [] });
