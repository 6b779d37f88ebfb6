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
import { compareDates, matchesAll, parseSearch, type SearchTerm } from "./search-query";

const PLAN_NAMES: Record<string, string> = {
  basic: "Basic",
  standard: "Shopify",
  advanced: "Advanced",
  plus: "Shopify Plus",
};

export function planDisplayName(plan: PlanInput | BucketSpec): string {
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

const FULFILLMENT_STATUS_QUERY: Record<string, string[]> = {
  shipped: ["FULFILLED"],
  fulfilled: ["FULFILLED"],
  partial: ["PARTIALLY_FULFILLED"],
  unshipped: ["UNFULFILLED", "ON_HOLD", "IN_PROGRESS", "REQUEST_DECLINED", "SCHEDULED"],
  unfulfilled: ["UNFULFILLED", "ON_HOLD", "IN_PROGRESS", "REQUEST_DECLINED", "SCHEDULED", "PARTIALLY_FULFILLED"],
  on_hold: ["ON_HOLD"],
  in_progress: ["IN_PROGRESS"],
  scheduled: ["SCHEDULED"],
  request_declined: ["REQUEST_DECLINED"],
};

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
      return v === "any" || (FULFILLMENT_STATUS_QUERY[v] ?? []).includes(displayFulfillmentStatus(ctx.state, o));
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

function foMatches(fo: SimFulfillmentOrder, t: SearchTerm): boolean | undefined {
  switch (t.field) {
    case "updated_at":
      return compareDates(fo.updatedAt, t);
    case "created_at":
      return compareDates(fo.createdAt, t);
    case "status":
      return fo.status.toLowerCase() === t.value.toLowerCase();
    case "request_status":
      return fo.requestStatus.toLowerCase() === t.value.toLowerCase();
    case "assigned_location_id":
      return fo.locationId.endsWith(`/${t.value}`) || fo.locationId === t.value;
    default:
      return undefined;
  }
}

export function filterFulfillmentOrders(fos: SimFulfillmentOrder[], query: unknown): SimFulfillmentOrder[] {
  const terms = parseSearch(query as string | null);
  return fos.filter((fo) => matchesAll(terms, (t) => foMatches(fo, t)));
}

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
      return connection(
        sortBy(filterFulfillmentOrders(fos, args.query), (fo) => fo.id.padStart(40, "0")),
        args as ConnectionArgs,
      );
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
    job: field<unknown>((_s, args, ctx) => {
      runDueJobs(ctx.state);
      return ctx.state.shop(ctx.shop).jobs.find((j) => j.id === args.id) ?? null;
    }),
  },
  Job: {
    query: field<unknown>(() => ({})),
  },
};
