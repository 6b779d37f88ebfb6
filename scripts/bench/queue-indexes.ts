// Indexes proposed for the queue (scripts/bench-queue.ts measures them against the current schema
// by adding these lines to a scratch copy of prisma/schema.prisma). Schema changes themselves are
// the lead's: these lines are the proposal, with the numbers the benchmark prints.
export interface ProposedIndex {
  model: "FulfillmentOrder" | "Order";
  line: string;
  why: string;
}

export const PROPOSED_INDEXES: ProposedIndex[] = [
  {
    model: "FulfillmentOrder",
    line: "@@index([orderId])",
    why: "tag / payment / search filters read the matching orders first, then their FOs by orderId (also the relation's foreign key, which Postgres does not index by itself)",
  },
  {
    model: "FulfillmentOrder",
    line: "@@index([shop, status, requestStatus, openedAt, deliveryMethod, supportedActions])",
    why: "pages: an equality seek per (status, request status) reads rows already in age order; counts: covers the GROUP BY of the working FOs, no table reads (makes [shop, status, requestStatus] redundant)",
  },
];
