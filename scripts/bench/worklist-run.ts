// The measuring half of `npm run bench:worklist`, run in a child process per database variant: the
// app's own Prisma client (app/db.server.ts) binds DATABASE_URL at import, so each variant (the
// current schema, the proposed indexes) gets a fresh process. Prints one JSON line.
import { DEFAULT_PARAMS, type WorklistParams } from "~/fulfillment/worklist/params";
import { WORKLIST_TABS, type WorklistTab } from "~/fulfillment/worklist/tabs";
import { percentile } from "./stats";
import { benchLocationId, WORKLIST_BENCH_SHOPS } from "./worklist-seed";

export interface ComboResult {
  tab: WorklistTab;
  filter: string;
  p50: number;
  p95: number;
  max: number;
  rows: number;
  count: number;
}

const SHOP = WORKLIST_BENCH_SHOPS[0].shop;
const BROOKLYN = benchLocationId(0, 1);
const SHIPBOB = benchLocationId(0, 3);
const DOWNTOWN = benchLocationId(0, 5);

/** The location a merchant would filter each tab by: one that has FOs in it. */
const locationFor = (tab: WorklistTab) =>
  tab === "to-request" || tab === "awaiting-3pl" || tab === "rejected"
    ? SHIPBOB
    : tab === "local-pickup"
      ? DOWNTOWN
      : BROOKLYN;

export const FILTERS: { name: string; params: (tab: WorklistTab) => Partial<WorklistParams> }[] = [
  { name: "none", params: () => ({}) },
  { name: "location", params: (tab) => ({ locationId: locationFor(tab) }) },
  { name: "delivery method", params: () => ({ deliveryMethod: "SHIPPING" }) },
  { name: "age > 3 d", params: () => ({ olderThanDays: 3 }) },
  { name: "tag", params: () => ({ tag: "vip" }) },
  { name: "financial status", params: () => ({ financialStatus: "PENDING" }) },
  { name: "search customer", params: () => ({ query: "Hopper" }) },
  { name: "search order", params: () => ({ query: "#1234" }) },
  { name: "newest first", params: () => ({ sort: "newest" }) },
  // Filters stack in the UI: two combinations a merchant would use together.
  { name: "age + tag + payment", params: () => ({ olderThanDays: 1, tag: "vip", financialStatus: "PAID" }) },
  { name: "location + customer", params: (tab) => ({ locationId: locationFor(tab), query: "Hopper" }) },
];

async function main() {
  const iterations = Number(process.env.WORKLIST_BENCH_ITERATIONS ?? "20");
  const { loadWorklist } = await import("~/fulfillment/worklist/load-worklist.server");
  const { decodeCursor } = await import("~/fulfillment/worklist/params");
  const now = new Date(process.env.WORKLIST_BENCH_NOW ?? Date.now());
  const results: ComboResult[] = [];
  const time = async (params: WorklistParams) => {
    const started = performance.now();
    const view = await loadWorklist(SHOP, params, { now });
    return { ms: performance.now() - started, view };
  };
  for (const tab of WORKLIST_TABS) {
    const combos = FILTERS.map((filter) => ({
      name: filter.name,
      params: { ...DEFAULT_PARAMS, tab, ...filter.params(tab) },
    }));
    // Page 2 of the unfiltered tab: the cursor condition on top of the tab's filter.
    const first = await loadWorklist(SHOP, { ...DEFAULT_PARAMS, tab }, { now });
    const after = decodeCursor(first.nextCursor);
    if (after) combos.push({ name: "next page", params: { ...DEFAULT_PARAMS, tab, after } });
    for (const combo of combos) {
      for (let i = 0; i < 2; i += 1) await time(combo.params);
      const samples: number[] = [];
      let last = await time(combo.params);
      for (let i = 0; i < iterations; i += 1) {
        last = await time(combo.params);
        samples.push(last.ms);
      }
      samples.sort((a, b) => a - b);
      results.push({
        tab,
        filter: combo.name,
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        max: samples.at(-1) ?? Number.NaN,
        rows: last.view.rows.length,
        count: last.view.counts[tab],
      });
    }
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
