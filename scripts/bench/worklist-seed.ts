// A deterministic ledger for `npm run bench:worklist`: shops of different sizes whose FOs are spread
// over the states a fulfillment desk sees (most of them done, as in a shop with history), their
// orders, tags, payment states and customers. Generated in chunks and handed to a sink: Prisma's
// createMany for SQLite, multi-row inserts through `pg` for PostgreSQL (worklist-postgres.ts), so
// both databases get the same ledger from the same generator.
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import { encodeTags } from "../../app/fulfillment/ledger-diff";
import { type OrderFilterFields, orderFilterFields } from "../../app/fulfillment/order-filter-fields";

/** Each shop's share of the ledger's FOs; the bench times the first (largest). */
export const WORKLIST_BENCH_SHOPS = [
  { shop: "bench-large.myshopify.com", share: 0.6 },
  { shop: "bench-medium.myshopify.com", share: 0.25 },
  { shop: "bench-small.myshopify.com", share: 0.15 },
] as const;

export const DEFAULT_BENCH_FOS = 100_000;

/** How many FOs each shop gets out of `total` (the smallest takes the rounding). */
export function benchShopSizes(total: number): { shop: string; fulfillmentOrders: number }[] {
  const sizes = WORKLIST_BENCH_SHOPS.map(({ shop, share }) => ({ shop, fulfillmentOrders: Math.round(total * share) }));
  const rest = total - sizes.slice(0, -1).reduce((sum, s) => sum + s.fulfillmentOrders, 0);
  sizes[sizes.length - 1]!.fulfillmentOrders = rest;
  return sizes;
}

export const BENCH_TAGS = ["vip", "wholesale", "gift", "preorder", "fragile", "subscription", "rush", "b2b"];
const FIRST = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Hedy", "Tim", "Margaret", "Claude", "Radia"];
const LAST = ["Lovelace", "Hopper", "Turing", "Johnson", "Pauling", "Lamarr", "Berners-Lee", "Hamilton", "Shannon"];
const FINANCIAL: [string, number][] = [
  ["PAID", 82],
  ["PENDING", 6],
  ["AUTHORIZED", 4],
  ["PARTIALLY_PAID", 2],
  ["PARTIALLY_REFUNDED", 3],
  ["REFUNDED", 2],
  ["VOIDED", 0.5],
  ["EXPIRED", 0.5],
];

type Kind = "merchant" | "3pl" | "pickup";
interface State {
  status: string;
  requestStatus: string;
  kind: Kind;
  actions: string[];
  /** Days the open ones have been waiting at most; done ones span half a year. */
  maxAgeDays: number;
}

const STATES: [State, number][] = [
  [{ status: "CLOSED", requestStatus: "UNSUBMITTED", kind: "merchant", actions: [], maxAgeDays: 180 }, 45],
  [{ status: "CLOSED", requestStatus: "ACCEPTED", kind: "3pl", actions: [], maxAgeDays: 180 }, 15],
  [{ status: "CLOSED", requestStatus: "UNSUBMITTED", kind: "pickup", actions: [], maxAgeDays: 180 }, 3],
  [{ status: "CANCELLED", requestStatus: "UNSUBMITTED", kind: "merchant", actions: [], maxAgeDays: 180 }, 5],
  [
    {
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      kind: "3pl",
      actions: ["REQUEST_FULFILLMENT", "HOLD", "MOVE"],
      maxAgeDays: 20,
    },
    5,
  ],
  [
    { status: "OPEN", requestStatus: "SUBMITTED", kind: "3pl", actions: ["CANCEL_FULFILLMENT_ORDER"], maxAgeDays: 20 },
    3,
  ],
  [
    {
      status: "IN_PROGRESS",
      requestStatus: "ACCEPTED",
      kind: "3pl",
      actions: ["REQUEST_CANCELLATION"],
      maxAgeDays: 20,
    },
    4,
  ],
  [
    {
      status: "IN_PROGRESS",
      requestStatus: "CANCELLATION_REQUESTED",
      kind: "3pl",
      actions: ["CANCEL_FULFILLMENT_ORDER"],
      maxAgeDays: 20,
    },
    0.5,
  ],
  [
    {
      status: "OPEN",
      requestStatus: "REJECTED",
      kind: "3pl",
      actions: ["REQUEST_FULFILLMENT", "HOLD", "MOVE"],
      maxAgeDays: 20,
    },
    1,
  ],
  [
    {
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      kind: "merchant",
      actions: ["CREATE_FULFILLMENT", "HOLD", "MOVE"],
      maxAgeDays: 20,
    },
    9,
  ],
  [
    {
      status: "IN_PROGRESS",
      requestStatus: "UNSUBMITTED",
      kind: "merchant",
      actions: ["CREATE_FULFILLMENT", "MOVE"],
      maxAgeDays: 20,
    },
    1,
  ],
  [
    {
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      kind: "pickup",
      actions: ["CREATE_FULFILLMENT", "HOLD", "MOVE"],
      maxAgeDays: 20,
    },
    4,
  ],
  [
    {
      status: "ON_HOLD",
      requestStatus: "UNSUBMITTED",
      kind: "merchant",
      actions: ["RELEASE_HOLD", "HOLD", "MOVE"],
      maxAgeDays: 30,
    },
    2,
  ],
  [
    {
      status: "ON_HOLD",
      requestStatus: "UNSUBMITTED",
      kind: "3pl",
      actions: ["RELEASE_HOLD", "HOLD", "MOVE"],
      maxAgeDays: 30,
    },
    1,
  ],
  [
    { status: "SCHEDULED", requestStatus: "UNSUBMITTED", kind: "merchant", actions: ["MARK_AS_OPEN"], maxAgeDays: 10 },
    0.5,
  ],
  [{ status: "INCOMPLETE", requestStatus: "ACCEPTED", kind: "3pl", actions: [], maxAgeDays: 30 }, 0.2],
];

export const benchLocationId = (shopIndex: number, location: number) =>
  `gid://shopify/Location/${shopIndex * 100 + location}`;

export const LOCATIONS: Record<Kind, { id: number; name: string }[]> = {
  merchant: [
    { id: 1, name: "Brooklyn Warehouse" },
    { id: 2, name: "Reno Warehouse" },
  ],
  "3pl": [
    { id: 3, name: "ShipBob Fulfillment" },
    { id: 4, name: "Red Stag Fulfillment" },
  ],
  pickup: [{ id: 5, name: "Downtown Store" }],
};

/** Mulberry32: the same ledger on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, table: readonly [T, number][]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return table.at(-1)![0];
}

const pick = <T>(random: () => number, values: readonly T[]) => values[Math.floor(random() * values.length)]!;
const cuidLike = () => `c${randomBytes(12).toString("hex")}`;

const DAY_MS = 86_400_000;
const CHUNK = 5_000;

/** Where the seed's rows go, a chunk at a time; orders before the FOs that point at them. */
export interface LedgerSink {
  orders(rows: Prisma.OrderCreateManyInput[]): Promise<void>;
  fulfillmentOrders(rows: Prisma.FulfillmentOrderCreateManyInput[]): Promise<void>;
}

/** SQLite (or any Prisma client): createMany in chunks of 500, well under SQLite's bound-parameter limit. */
export function prismaSink(prisma: PrismaClient): LedgerSink {
  const PRISMA_CHUNK = 500;
  return {
    async orders(rows) {
      for (let i = 0; i < rows.length; i += PRISMA_CHUNK)
        await prisma.order.createMany({ data: rows.slice(i, i + PRISMA_CHUNK) });
    },
    async fulfillmentOrders(rows) {
      for (let i = 0; i < rows.length; i += PRISMA_CHUNK)
        await prisma.fulfillmentOrder.createMany({ data: rows.slice(i, i + PRISMA_CHUNK) });
    },
  };
}

export async function seedWorklistLedger(sink: LedgerSink, now: Date, total: number): Promise<number> {
  let seeded = 0;
  for (const [shopIndex, { shop, fulfillmentOrders }] of benchShopSizes(total).entries()) {
    const random = rng(1_000 + shopIndex);
    let orders: Prisma.OrderCreateManyInput[] = [];
    let fos: Prisma.FulfillmentOrderCreateManyInput[] = [];
    const flush = async () => {
      await sink.orders(orders);
      await sink.fulfillmentOrders(fos);
      seeded += fos.length;
      orders = [];
      fos = [];
    };
    let orderNumber = 0;
    let current: { id: string; shopifyId: string; filterFields: OrderFilterFields } | null = null;
    for (let n = 0; n < fulfillmentOrders; n += 1) {
      const state = weighted(random, STATES);
      const openedAt = new Date(now.getTime() - random() * state.maxAgeDays * DAY_MS);
      // About one order in seven has a second FO (split across locations).
      if (!current || random() > 0.15) {
        orderNumber += 1;
        const tags = BENCH_TAGS.filter(() => random() < 0.12);
        const fields = {
          name: `#${1000 + orderNumber}`,
          displayFinancialStatus: weighted(random, FINANCIAL),
          tags,
          customerName: `${pick(random, FIRST)} ${pick(random, LAST)}`,
        };
        current = {
          id: cuidLike(),
          shopifyId: `gid://shopify/Order/${shopIndex * 1_000_000 + orderNumber}`,
          // What the ledger copies onto each of the order's FOs (ledger.server.ts).
          filterFields: orderFilterFields(fields),
        };
        orders.push({
          id: current.id,
          shop,
          shopifyId: current.shopifyId,
          ...fields,
          placedAt: openedAt,
          displayFulfillmentStatus: state.status === "CLOSED" ? "FULFILLED" : "UNFULFILLED",
          tags: encodeTags(tags),
          shopifyUpdatedAt: openedAt,
        });
      }
      const location = pick(random, LOCATIONS[state.kind]);
      const quantity = 1 + Math.floor(random() * 4);
      const open = state.status !== "CLOSED" && state.status !== "CANCELLED";
      fos.push({
        id: cuidLike(),
        shop,
        shopifyId: `gid://shopify/FulfillmentOrder/${shopIndex * 1_000_000 + n + 1}`,
        orderId: current.id,
        orderShopifyId: current.shopifyId,
        ...current.filterFields,
        status: state.status,
        requestStatus: state.requestStatus,
        deliveryMethod: state.kind === "pickup" ? "PICK_UP" : random() < 0.05 ? "LOCAL" : "SHIPPING",
        locationShopifyId: benchLocationId(shopIndex, location.id),
        locationName: location.name,
        thirdParty: state.kind === "3pl",
        supportedActions: state.actions.map((action) => ({ action, externalUrl: null })),
        holds:
          state.status === "ON_HOLD"
            ? [{ id: `gid://shopify/FulfillmentHold/${n}`, reason: "OTHER", heldByRequestingApp: true }]
            : [],
        lineItems: [],
        totalQuantity: quantity,
        remainingQuantity: open ? quantity : 0,
        openedAt,
        shopifyUpdatedAt: openedAt,
      });
      if (fos.length >= CHUNK) await flush();
    }
    await flush();
  }
  return seeded;
}
