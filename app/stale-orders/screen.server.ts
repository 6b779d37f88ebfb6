// The stale-order screen's data and its actions, each one domain call for the route.
import { type JsonColumn } from "~/db/json-column";
import { z } from "zod";
import { prisma } from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { costAwareGraphql } from "~/shopify/admin/admin-client.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import { listStaleOrderActivity } from "./audit.server";
import { type RequestRunResult, requestCancellationRun } from "./cancellation-runs.server";
import { ITEM_STATUSES, oneOf, RUN_STATUSES } from "./options";
import type { ReservedLine } from "./policy";
import { loadStaleOrderSettings, saveStaleOrderSettings, type StaleOrderSettings } from "./policy-settings.server";
import type { StaleOrderPreview, UnitsReleased } from "./preview";
import { previewStaleOrders } from "./preview.server";
import { runReportCsv } from "./report-csv";
import type { RunItemView, RunView, StaleOrdersScreenView } from "./views";

const RUNS_SHOWN = 10;

const Lines = z.array(
  z.object({
    sku: z.string(),
    title: z.string(),
    locationId: z.string(),
    locationName: z.string(),
    quantity: z.number(),
  }),
);
const Units = z.array(
  z.object({ sku: z.string(), locationId: z.string(), locationName: z.string(), quantity: z.number() }),
);

function parseJson<T>(schema: z.ZodType<T>, stored: JsonColumn, fallback: T): T {
  const parsed = schema.safeParse(stored);
  return parsed.success ? parsed.data : fallback;
}

type RunRow = Awaited<ReturnType<typeof prisma.cancellationRun.findFirstOrThrow>>;
type ItemRow = Awaited<ReturnType<typeof prisma.cancellationRunItem.findFirstOrThrow>>;

function toRunView(run: RunRow): RunView {
  return {
    id: run.id,
    trigger: run.trigger === "scheduled" ? "scheduled" : "manual",
    actor: run.actor,
    status: oneOf(RUN_STATUSES, run.status, "queued"),
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    total: run.total,
    cancelled: run.cancelled,
    skipped: run.skipped,
    failed: run.failed,
    selected: run.selected,
    alreadyHandled: run.alreadyHandled,
    noLongerEligible: run.noLongerEligible,
    failureReason: run.failureReason,
    previewedUnits: parseJson<UnitsReleased[]>(Units, run.previewedUnits, []),
  };
}

function toItemView(item: ItemRow): RunItemView {
  return {
    orderId: item.orderShopifyId,
    orderName: item.orderName,
    status: oneOf(ITEM_STATUSES, item.status, "pending"),
    outcome: item.outcome,
    lines: parseJson<ReservedLine[]>(Lines, item.previewedLines, []),
  };
}

const itemsOf = (runId: string) =>
  prisma.cancellationRunItem.findMany({ where: { runId }, orderBy: [{ orderName: "asc" }, { id: "asc" }] });

export async function loadStaleOrdersScreen(shop: string): Promise<StaleOrdersScreenView> {
  const [settings, runs, activity] = await Promise.all([
    loadStaleOrderSettings(shop),
    prisma.cancellationRun.findMany({
      where: { shop },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RUNS_SHOWN,
    }),
    listStaleOrderActivity(shop),
  ]);
  const latest = runs[0];
  const latestItems = latest ? (await itemsOf(latest.id)).map(toItemView) : [];
  return { settings, runs: runs.map(toRunView), latestItems, activity };
}

/** The dry run: reads Shopify with the submitted policy and saves nothing (the schedule included). */
export async function previewPolicy(
  graphql: AdminGraphql,
  shop: string,
  settings: StaleOrderSettings,
): Promise<StaleOrderPreview> {
  return previewStaleOrders(costAwareGraphql(shop, graphql), settings.policy);
}

export { saveStaleOrderSettings as saveSettings };

/**
 * Records the confirmed run and its prepare job, with the settings that were previewed; Shopify
 * is read by that job, not by this request. One run per confirmation dialog's key.
 */
export async function runSelection(input: {
  shop: string;
  actor: string | null;
  orderIds: string[];
  idempotencyKey: string;
  settings: StaleOrderSettings;
}): Promise<RequestRunResult> {
  return requestCancellationRun({
    queue: getJobQueue(),
    shop: input.shop,
    actor: input.actor,
    trigger: "manual",
    selection: input.orderIds,
    requestKey: `manual:${input.idempotencyKey}`,
    settings: input.settings,
  });
}

/** The CSV report of one of the shop's runs, or null when the shop has no such run. */
export async function runReportFor(shop: string, runId: string): Promise<{ filename: string; csv: string } | null> {
  const run = await prisma.cancellationRun.findFirst({ where: { id: runId, shop } });
  if (!run) return null;
  const items = (await itemsOf(run.id)).map(toItemView);
  const day = run.createdAt.toISOString().slice(0, 10);
  return { filename: `stale-orders-${day}-${run.id}.csv`, csv: runReportCsv(run, items) };
}
