// The automation's background jobs and what starts them. Pure.

export const AUTOMATION_EVALUATE_JOB = "automation.evaluate";
export const AUTOMATION_RELEASE_HOLD_JOB = "automation.release-hold";

/** Why an FO is evaluated. Flow's "ready to fulfill" moments, plus the ones that repair misses. */
export type Trigger =
  | "created"
  | "hold_released"
  | "order_paid"
  | "order_edited"
  | "fo_changed"
  | "order_changed"
  | "reconcile"
  | "merchant_fixed"
  | "resumed"
  | "delay_elapsed"
  | "settle_elapsed"
  | "upsell_decided"
  | "retry";

export interface EvaluatePayload {
  shop: string;
  fulfillmentOrderId: string;
  trigger: Trigger;
  /** The merchant fixed a rejected request in the inbox: decide it again. */
  allowResubmit?: boolean;
  /** When the FO became eligible, for the lag from eligible to accepted (ISO). */
  eligibleAt?: string;
}

export interface ReleaseHoldPayload {
  shop: string;
  fulfillmentOrderId: string;
  /** Our hold's handle: only that hold is released, never another app's. */
  handle: string;
  /** The decision that placed the hold. */
  decisionId: string;
}

/** One queued evaluation per FO state and trigger: duplicate webhooks coalesce here. */
export const evaluateDedupeKey = (shop: string, fulfillmentOrderId: string, version: string, trigger: Trigger) =>
  `automation:${shop}:${fulfillmentOrderId}:${version}:${trigger}`;
