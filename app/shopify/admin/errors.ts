// Typed failures of Admin API calls. Everything the gateway throws is one of these, so
// callers branch on `instanceof` instead of parsing messages.

export interface ShopifyUserErrorDetail {
  /** Path to the input field Shopify blames, e.g. ["fulfillmentHold", "reason"]; null for the whole input. */
  field: string[] | null;
  message: string;
  code?: string | null;
}

/** The mutation ran and Shopify refused it with userErrors. Never retried. */
export class ShopifyUserError extends Error {
  override readonly name = "ShopifyUserError";
  constructor(
    readonly operation: string,
    readonly userErrors: ShopifyUserErrorDetail[],
  ) {
    super(`${operation}: ${userErrors.map((e) => e.message).join("; ")}`);
  }

  /** Messages for one input field (matched on the last path segment), for inline field errors. */
  messagesFor(field: string): string[] {
    return this.userErrors.filter((e) => e.field?.at(-1) === field).map((e) => e.message);
  }
}

/** Shopify answered with top-level GraphQL errors (validation, access denied, not found…). */
export class AdminGraphqlError extends Error {
  override readonly name = "AdminGraphqlError";
  constructor(
    readonly operation: string,
    readonly errors: { message: string; extensions?: Record<string, unknown> }[],
  ) {
    super(`${operation}: ${errors.map((e) => e.message).join("; ") || "GraphQL operation failed"}`);
  }
}

/** The shop's cost bucket could not cover the query (errors[].extensions.code === "THROTTLED"). */
export class AdminThrottledError extends Error {
  override readonly name = "AdminThrottledError";
  constructor(
    readonly operation: string,
    readonly cost: QueryCost | null,
  ) {
    super(`${operation}: throttled by Shopify`);
  }
}

/** 5xx, 429 or a network failure. `retriable` says whether a read may be tried again. */
export class AdminTransportError extends Error {
  override readonly name = "AdminTransportError";
  constructor(
    readonly operation: string,
    readonly status: number | null,
    message: string,
    readonly retriable: boolean,
  ) {
    super(`${operation}: ${message}`);
  }
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** extensions.cost of a response: https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits */
export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}
