// QueryRoot fields the FO-ledger app uses: shop, node(s), order(s),
// fulfillmentOrder(s), locations, job.
// https://shopify.dev/docs/api/admin-graphql/latest/queries/orders
// https://shopify.dev/docs/api/admin-graphql/latest/queries/fulfillmentOrders
import { GraphQLError } from "graphql";
import { isClosed } from "../domain/fulfillment-order-records";
import { displayFulfillmentStatus } from "../domain/order-status";
import { runDueJobs } from "../operations/order-cancel";
import type { BucketSpec, PlanInput, SimFulfillmentOrder, SimOrder } from "../types";
import { connection, type ConnectionArgs } from "./connection";
import { field, type ResolverMap, type SimContext } from "./context";
import { productQueryResolvers } from "./product-resolvers";
import { compareDates, matchesAll, parseSearch, type SearchTerm } from "./search-query";
import { productVariantRoot } from "./variant-resolvers";

const PLAN_NAMES: Record<string, string> = {
  basic: "Basic",
  standard: "Shopify",
  advanced: "Advanced",
  plus: "Shopify Plus",
};

function planDisplayName(plan: PlanInput | BucketSpec): string {
  return typeof plan === "string" ? (PLAN_NAMES[plan] ?? plan) : "Custom";
}

function shopView(ctx: SimContext): unknown {
  const s = ctx.state.shop(ctx.shop);
  const name = planDisplayName(s.plan);
  return {
    id: s.id,
    name: s.name,
    myshopifyDomain: s.domain,
    currencyCode: s.currency,
    email: `owner@${s.domain}`,
    contactEmail: `owner@${s.domain}`,
    ianaTimezone: s.timezone,
    plan: { displayName: name, publicDisplayName: name, partnerDevelopment: false, shopifyPlus: s.plan === "plus" },
  };
}

// The orders query's `fulfillment_status` filter "Filter[s] by the displayFulfillmentStatus field"
// with the documented values unshipped, shipped, fulfilled, partial, scheduled, on_hold, unfulfilled
// and request_declined (https://shopify.dev/docs/api/admin-graphql/latest/queries/orders#argument-query-filter-fulfillment_status).
// The docs don't say that a value matches more than the status it names, so each matches exactly
// one displayFulfillmentStatus; shipped/unshipped are the older names of fulfilled/unfulfilled.
// Any other value (e.g. REST's `any`) is refused loudly rather than guessed.
const FULFILLMENT_STATUS_QUERY: Record<string, string> = {
  shipped: "FULFILLED",
  fulfilled: "FULFILLED",
  partial: "PARTIALLY_FULFILLED",
  unshipped: "UNFULFILLED",
  unfulfilled: "UNFULFILLED",
  on_hold: "ON_HOLD",
  scheduled: "SCHEDULED",
  request_declined: "REQUEST_DECLINED",
};

function fulfillmentStatusMatches(ctx: SimContext, o: SimOrder, value: string): boolean {
  const status = FULFILLMENT_STATUS_QUERY[value];
  if (!status) {
    throw new GraphQLError(
      `Simulator does not implement fulfillment_status:${value}: not one of the values shopify.dev documents`,
    );
  }
  return displayFulfillmentStatus(ctx.state, o) === status;
}

function orderMatches(ctx: SimContext, o: SimOrder, t: SearchTerm): boolean | undefined {
  const v = t.value.toLowerCase();
  switch (t.field) {
    case "updated_at":
      return compareDates(o.updatedAt, t);
    case "created_at":
      return compareDates(o.createdAt, t);
    case "processed_at":
      return compareDates(o.processedAt, t);
    case "financial_status":
      return o.financialStatus.toLowerCase() === v;
    case "fulfillment_status":
      return fulfillmentStatusMatches(ctx, o, v);
    case "status":
      if (v === "any") return true;
      if (v === "open") return o.closedAt === null && o.cancelledAt === null;
      if (v === "closed") return o.closedAt !== null;
      if (v === "cancelled") return o.cancelledAt !== null;
      return false;
    case "tag":
      return o.tags.some((tag) => tag.toLowerCase() === v);
    case "name":
      return o.name.toLowerCase() === v || o.name.toLowerCase() === `#${v}`;
    case "id":
      return o.id.endsWith(`/${t.value}`) || o.id === t.value;
    default:
      return undefined;
  }
}

const ORDER_SORT: Record<string, (o: SimOrder) => string> = {
  PROCESSED_AT: (o) => o.processedAt,
  CREATED_AT: (o) => o.createdAt,
  UPDATED_AT: (o) => o.updatedAt,
  ID: (o) => o.id.padStart(40, "0"),
  ORDER_NUMBER: (o) => o.name.padStart(20, "0"),
};

function sortBy<T extends { id: string }>(items: T[], key: (x: T) => string): T[] {
  const num = (id: string) => Number(id.split("/").pop());
  return [...items].sort((a, b) => key(a).localeCompare(key(b)) || num(a.id) - num(b.id));
}

function compareIds(actual: string, t: SearchTerm): boolean {
  const a = Number(actual.split("/").pop());
  const b = Number(t.value.split("/").pop());
  if (Number.isNaN(b)) throw new GraphQLError(`Invalid id in search query: ${t.value}`);
  if (t.op === ">") return a > b;
  if (t.op === ">=") return a >= b;
  if (t.op === "<") return a < b;
  if (t.op === "<=") return a <= b;
  return a === b;
}

// The fulfillmentOrders `query:` filters are exactly the four the docs list: assigned_location_id,
// id, status and updated_at. Anything else (created_at, request_status, …) is ignored, as Shopify
// ignores a filter it does not know, so the whole list comes back.
// https://shopify.dev/docs/api/admin-graphql/latest/queries/fulfillmentOrders#arguments-query
// https://shopify.dev/docs/api/usage/search-syntax
function foMatches(fo: SimFulfillmentOrder, t: SearchTerm): boolean | undefined {
  switch (t.field) {
    case "updated_at":
      return compareDates(fo.updatedAt, t);
    case "status":
      return fo.status.toLowerCase() === t.value.toLowerCase();
    case "assigned_location_id":
      return fo.locationId.endsWith(`/${t.value}`) || fo.locationId === t.value;
    case "id":
      return compareIds(fo.id, t);
    default:
      return undefined;
  }
}

export function filterFulfillmentOrders(fos: SimFulfillmentOrder[], query: unknown): SimFulfillmentOrder[] {
  const terms = parseSearch(query as string | null);
  return fos.filter((fo) => matchesAll(terms, (t) => foMatches(fo, t)));
}

// sortKey: FulfillmentOrderSortKeys (ID, the default, or UPDATED_AT).
// https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentOrderSortKeys
const FO_SORT: Record<string, (fo: SimFulfillmentOrder) => string> = {
  ID: (fo) => fo.id.padStart(40, "0"),
  UPDATED_AT: (fo) => fo.updatedAt,
};

export const queryResolvers: ResolverMap = {
  QueryRoot: {
    shop: field<unknown>((_s, _a, ctx) => shopView(ctx)),
    node: field<unknown>((_s, args, ctx) => ctx.state.node(ctx.shop, String(args.id))),
    nodes: field<unknown>((_s, args, ctx) => (args.ids as string[]).map((id) => ctx.state.node(ctx.shop, id))),
    order: field<unknown>((_s, args, ctx) => {
      const n = ctx.state.node(ctx.shop, String(args.id));
      return n && String(args.id).includes("/Order/") ? n : null;
    }),
    orders: field<unknown>((_s, args, ctx) => {
      const terms = parseSearch(args.query as string | null);
      const all = ctx.state.shop(ctx.shop).orders.filter((o) => matchesAll(terms, (t) => orderMatches(ctx, o, t)));
      const key = ORDER_SORT[String(args.sortKey ?? "PROCESSED_AT")];
      if (!key) throw new GraphQLError(`Simulator does not implement orders sortKey ${String(args.sortKey)}`);
      return connection(sortBy(all, key), args as ConnectionArgs);
    }),
    fulfillmentOrder: field<unknown>((_s, args, ctx) => {
      const n = ctx.state.node(ctx.shop, String(args.id));
      return n && String(args.id).includes("/FulfillmentOrder/") ? n : null;
    }),
    fulfillmentOrders: field<unknown>((_s, args, ctx) => {
      const fos = ctx.state
        .shop(ctx.shop)
        .fulfillmentOrders.filter((fo) => args.includeClosed === true || !isClosed(fo));
      const key = FO_SORT[String(args.sortKey ?? "ID")];
      if (!key)
        throw new GraphQLError(`Simulator does not implement fulfillmentOrders sortKey ${String(args.sortKey)}`);
      return connection(sortBy(filterFulfillmentOrders(fos, args.query), key), args as ConnectionArgs);
    }),
    location: field<unknown>((_s, args, ctx) => {
      const shop = ctx.state.shop(ctx.shop);
      return args.id ? (ctx.state.location(ctx.shop, String(args.id)) ?? null) : (shop.locations[0] ?? null);
    }),
    locations: field<unknown>((_s, args, ctx) => {
      const all = ctx.state.shop(ctx.shop).locations.filter((l) => l.active || args.includeInactive === true);
      return connection(
        sortBy(all, (l) => l.name),
        args as ConnectionArgs,
      );
    }),
    productVariant: productVariantRoot,
    ...productQueryResolvers,
    job: field<unknown>((_s, args, ctx) => {
      runDueJobs(ctx.state);
      return ctx.state.shop(ctx.shop).jobs.find((j) => j.id === args.id) ?? null;
    }),
  },
  Job: {
    query: field<unknown>(() => ({})),
  },
};
