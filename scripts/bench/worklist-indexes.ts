// Indexes proposed for the worklist (scripts/bench-worklist.ts measures them against the current schema
// by adding these lines to a scratch copy of prisma/schema.prisma). Once measured and adopted they
// move into schema.prisma with a migration, and this list goes back to empty.
export interface ProposedIndex {
  model: "FulfillmentOrder" | "Order";
  line: string;
  why: string;
}

// Measured and adopted (docs/benchmarks.md#benchworklist): the worklist and age indexes in
// schema.prisma (2026-11-22), the payment index (2026-12-04). Nothing is proposed now.
export const PROPOSED_INDEXES: ProposedIndex[] = [];
