// The `automation.release-hold` job: a rule's "hold until" time has come. Releases our own hold
// (found by its handle) and nothing else: Shopify would let us release any app's hold, so the
// check is ours. https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderReleaseHold
import { fromJsonColumn } from "~/db/json-column";
import { prisma } from "~/db.server";
import { loadCommandTarget, runCommand } from "~/fulfillment/commands/command.server";
import { releaseHolds } from "~/fulfillment/commands/hold.server";
import { automationRuntime as M } from "~/i18n/sections/automation-runtime";
import { finishDecision, recordDecision } from "./decisions.server";
import type { AutomationDeps } from "./evaluate.server";
import type { ReleaseHoldPayload } from "./jobs";

export async function releaseOurHold(payload: ReleaseHoldPayload, deps: AutomationDeps): Promise<void> {
  const target = await loadCommandTarget(payload.shop, payload.fulfillmentOrderId);
  if (!target) return;
  const ours = fromJsonColumn<{ id: string; handle: string | null; heldByRequestingApp: boolean }[]>(
    target.row.holds,
  ).filter((h) => h.heldByRequestingApp && h.handle === payload.handle);
  // Released already (by the merchant, or an earlier attempt): nothing to do.
  if (ours.length === 0) return;
  const graphql = await deps.adminFor(payload.shop);
  if (!graphql) return;

  const placed = await prisma.automationDecision.findUnique({
    where: { id: payload.decisionId },
    select: { ruleId: true, ruleName: true, ruleVersion: true },
  });
  const { created, row } = await recordDecision({
    shop: payload.shop,
    decisionKey: `release|${payload.decisionId}`,
    fulfillmentOrderShopifyId: payload.fulfillmentOrderId,
    orderShopifyId: target.row.orderShopifyId,
    orderName: target.row.orderName,
    trigger: "hold_expired",
    outcome: "release_hold",
    status: "submitting",
    ruleId: placed?.ruleId ?? null,
    ruleName: placed?.ruleName ?? null,
    ruleVersion: placed?.ruleVersion ?? null,
    reason: M.holdReleased,
    inputs: { holdIds: ours.map((h) => h.id), handle: payload.handle },
    runAt: null,
    eligibleAt: null,
  });
  if (!created && row.status !== "submitting") return;
  const result = await runCommand(
    { graphql, shop: payload.shop, actor: "automation:hold-until", source: "automation" },
    target,
    releaseHolds({ holdIds: ours.map((h) => h.id) }),
  );
  await finishDecision(row.id, {
    status: result.kind === "done" ? "succeeded" : result.kind === "user-errors" ? "refused" : "not_sent",
    response: result.kind === "done" ? { fulfillmentOrderIds: result.fulfillmentOrderIds } : result,
  });
}
