// Choices the stale-order screen offers. Pure: shared by the UI, the route's zod schema and the domain.

/** orderCancel's reasons: https://shopify.dev/docs/api/admin-graphql/latest/enums/OrderCancelReason */
export const CANCEL_REASONS = ["DECLINED", "CUSTOMER", "INVENTORY", "FRAUD", "STAFF", "OTHER"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Above this many orders the confirmation asks the merchant to type the number. */
export const TYPED_CONFIRMATION_THRESHOLD = 50;

export const ITEM_STATUSES = ["pending", "cancelling", "cancelled", "skipped", "failed"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const TERMINAL_ITEM_STATUSES: readonly ItemStatus[] = ["cancelled", "skipped", "failed"];

/** preparing: confirmed, a job is checking the selection against Shopify and creating the items. */
export const RUN_STATUSES = ["preparing", "queued", "running", "finished", "failed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** A run in one of these states changes no more; the screen stops polling. */
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ["finished", "failed"];

export const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  values.find((candidate) => candidate === value) ?? fallback;
