// The `automation.evaluate` job: decide one FO on the ledger's facts, record the decision, then
// act on it exactly once. docs/decisions/0026-automation-exactly-once.md
import { fromJsonColumn } from "~/db/json-column";
import type { AutomationDecision } from "@prisma/client";
import { requestFulfillment } from "~/fulfillment/commands/request-fulfillment.server";
import { hold, ourHoldHandle } from "~/fulfillment/commands/hold.server";
import { prisma } from "~/db.server";
import { merge } from "~/fulfillment/commands/merge.server";
import {
  type CommandContext,
  type CommandRow,
  type FulfillmentCommand,
  loadCommandTarget,
  runCommand,
} from "~/fulfillment/commands/command.server";
import { refreshOrder } from "~/fulfillment/refresh-order.server";
import { automationRuntime as M } from "~/i18n/sections/automation-runtime";
import type { JobQueue } from "~/jobs/job-queue";
import { fetchFulfillmentOrderRequestState } from "~/shopify/admin/fulfillment-order-request-state.server";
import { fetchFulfillmentOrderVersion } from "~/shopify/admin/fulfillment-order-version.server";
import type { AdminGraphql } from "~/shopify/admin/run-operation.server";
import type { DecisionInput } from "../facts";
import { loadAutomationConfig } from "../rule-store.server";
import { decide } from "../rules/decide";
import type { Decision } from "../rules/decision";
import {
  claimSubmission,
  finishDecision,
  latestDecisionFor,
  recordDecision,
  recordIntent,
  reopenDecision,
  isAbandoned,
  submissionsInFlight,
} from "./decisions.server";
import { effectiveQuietPeriod, loadFacts, releasedHoldRuleIds } from "./facts.server";
import {
  AUTOMATION_EVALUATE_JOB,
  AUTOMATION_RELEASE_HOLD_JOB,
  type EvaluatePayload,
  evaluateDedupeKey,
  type ReleaseHoldPayload,
  type Trigger,
} from "./jobs";

export interface AutomationDeps {
  queue: JobQueue;
  /** The shop's Admin client for automation: paced, leaving room for merchants' own actions. */
  adminFor: (shop: string) => Promise<AdminGraphql | null>;
  now: () => Date;
  /**
   * A submission still "submitting" this long after taking its order's lock was abandoned by a
   * worker that died (the job lease, JOB_LEASE_MS: by then its job has been handed to another).
   */
  abandonedAfterMs: number;
}

/** How long a busy order's other evaluation waits before deciding again. */
const BUSY_RETRY_MS = 5_000;
type Submission = Extract<Decision, { kind: "request" | "partial_request" | "hold" }>;
/** Submissions the rules' decision leads to. */
const SUBMITTING = new Set<Decision["kind"]>(["request", "partial_request", "hold"]);
const isSubmission = (decision: Decision): decision is Submission => SUBMITTING.has(decision.kind);
/**
 * Whether Shopify takes a request on an FO in this state: unsubmitted; rejected, or closed as
 * incomplete by the 3PL, only once the merchant fixed it (the rejection inbox).
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderClose
 */
const requestable = (allowResubmit: boolean, fo: { status: string; requestStatus: string }) =>
  fo.requestStatus === "UNSUBMITTED" ||
  (allowResubmit && (fo.requestStatus === "REJECTED" || (fo.status === "INCOMPLETE" && fo.requestStatus === "CLOSED")));

export async function evaluateFulfillmentOrder(payload: EvaluatePayload, deps: AutomationDeps): Promise<void> {
  const { shop, fulfillmentOrderId } = payload;
  // First, even while paused or off: settling only reads Shopify and records what it shows
  // (nothing is sent), and it frees the order's lock. Before the facts: settling reads the order
  // again, so the facts below see Shopify's answer.
  const unsent = await settleAbandoned(deps, shop, fulfillmentOrderId);
  const config = await loadAutomationConfig(shop);
  // Paused or off: nothing is decided; resuming evaluates every decidable FO again.
  if (!config.enabled || config.paused) return;
  const facts = await loadFacts(shop, fulfillmentOrderId);
  if (!facts) return;

  const now = deps.now();
  const input: DecisionInput = {
    ...facts,
    shop: { quietPeriodMinutes: await effectiveQuietPeriod(shop, config.quietPeriodMinutes, now) },
    now: now.toISOString(),
    ...(payload.allowResubmit ? { allowResubmit: true } : {}),
    releasedHoldRuleIds: await releasedHoldRuleIds(shop, facts.fulfillmentOrder),
  };
  const decision = decide(input, config.ruleSet, config.version);
  const decisionKey = [
    fulfillmentOrderId,
    facts.fulfillmentOrder.updatedAt,
    facts.orderVersion,
    `v${config.version}`,
    payload.trigger,
  ].join("|");

  if (!SUBMITTING.has(decision.kind) && (await repeatsLatest(shop, fulfillmentOrderId, decision))) return;

  const recorded = await recordDecision({
    shop,
    decisionKey,
    fulfillmentOrderShopifyId: fulfillmentOrderId,
    orderShopifyId: facts.order.id,
    orderName: facts.order.name,
    trigger: payload.trigger,
    outcome: decision.kind,
    status: SUBMITTING.has(decision.kind) ? "decided" : "until" in decision && decision.until ? "scheduled" : "decided",
    ruleId: decision.rule?.id ?? null,
    ruleName: decision.rule?.name ?? null,
    ruleVersion: decision.rule?.version ?? null,
    reason: decision.reason,
    inputs: input,
    runAt: "until" in decision && decision.until ? new Date(decision.until) : null,
    eligibleAt: payload.eligibleAt ? new Date(payload.eligibleAt) : null,
  });
  let row = recorded.row;
  if (!recorded.created) {
    // The same trigger on the same state, again (a duplicate webhook, a retried job).
    if (unsent.has(row.id)) {
      // Its abandoned submission never reached Shopify (settled just above): decide it again.
      row = await reopenDecision(row.id);
    } else if (row.status === "submitting" || row.status === "uncertain") {
      const graphql = await deps.adminFor(shop);
      if (!graphql) return;
      const settled = await settleUncertain(graphql, row);
      if (settled === "sent") return;
      row = await reopenDecision(row.id);
    } else if (row.status !== "decided" || !SUBMITTING.has(decision.kind)) return;
  }

  if (decision.kind === "delay" || (decision.kind === "wait" && decision.until)) {
    await schedule(
      deps.queue,
      payload,
      decision.kind === "delay" ? "delay_elapsed" : "settle_elapsed",
      decision.until!,
    );
    return;
  }
  if (isSubmission(decision)) await submitOnce(deps, payload, row, decision);
}

/** A skip or a wait that says what the FO's latest decision already says adds nothing to the log. */
async function repeatsLatest(shop: string, fulfillmentOrderId: string, decision: Decision): Promise<boolean> {
  const latest = await latestDecisionFor(shop, fulfillmentOrderId);
  return (
    latest !== null &&
    latest.outcome === decision.kind &&
    latest.reason === decision.reason &&
    latest.ruleVersion === (decision.rule?.version ?? null)
  );
}

async function schedule(queue: JobQueue, payload: EvaluatePayload, trigger: Trigger, until: string): Promise<void> {
  const next: EvaluatePayload = { ...payload, trigger };
  await queue.enqueue(AUTOMATION_EVALUATE_JOB, next, {
    shop: payload.shop,
    runAt: new Date(until),
    dedupeKey: evaluateDedupeKey(payload.shop, payload.fulfillmentOrderId, until, trigger),
  });
}

/**
 * Sends the decided mutation at most once: the order's submission lock, then a fresh read of the
 * FO right before sending, the intent on record, the mutation, the outcome on record. Anything
 * unclear is settled by reading Shopify again, never by sending again blind.
 */
async function submitOnce(
  deps: AutomationDeps,
  payload: EvaluatePayload,
  row: AutomationDecision,
  decision: Submission,
): Promise<void> {
  const graphql = await deps.adminFor(row.shop);
  if (!graphql) return void (await finishDecision(row.id, { status: "not_sent", reason: "Shop not installed" }));

  let claim = await claimSubmission(row, deps.now());
  if (
    claim.kind === "busy" &&
    claim.holder &&
    (claim.holder.status === "uncertain" || isAbandoned(claim.holder, abandonedBefore(deps)))
  ) {
    await settleUncertain(graphql, claim.holder);
    claim = await claimSubmission(row, deps.now());
  }
  if (claim.kind === "busy") {
    await finishDecision(row.id, { status: "not_sent", reason: M.busy });
    await deps.queue.enqueue(AUTOMATION_EVALUATE_JOB, { ...payload, trigger: "retry" } satisfies EvaluatePayload, {
      shop: row.shop,
      runAt: new Date(deps.now().getTime() + BUSY_RETRY_MS),
      dedupeKey: evaluateDedupeKey(row.shop, row.fulfillmentOrderShopifyId, row.id, "retry"),
    });
    return;
  }

  try {
    const fresh = await fetchFulfillmentOrderRequestState(graphql, row.fulfillmentOrderShopifyId);
    const target = await loadCommandTarget(row.shop, row.fulfillmentOrderShopifyId);
    // The ledger the decision saw is still Shopify's (same version, status and request status),
    // and Shopify still takes this mutation: for a request, not held (an FO with any hold is
    // ON_HOLD), requestable, with REQUEST_FULFILLMENT allowed.
    const unchanged =
      fresh !== null &&
      target !== null &&
      Date.parse(fresh.updatedAt) === target.row.shopifyUpdatedAt.getTime() &&
      fresh.status === target.row.status &&
      fresh.requestStatus === target.row.requestStatus &&
      (decision.kind === "hold" ||
        (fresh.status !== "ON_HOLD" &&
          requestable(payload.allowResubmit ?? false, fresh) &&
          fresh.supportedActions.includes("REQUEST_FULFILLMENT")));
    if (!unchanged || !target) {
      // The ledger is behind Shopify: catch it up (that write triggers the next evaluation).
      await refreshOrder(graphql, row.shop, row.orderShopifyId, { source: "reconcile" });
      return void (await finishDecision(row.id, { status: "not_sent", reason: M.changedSinceLedger, response: fresh }));
    }
    // Pause takes effect at once: checked again right before sending.
    const config = await loadAutomationConfig(row.shop);
    if (!config.enabled || config.paused) {
      return void (await finishDecision(row.id, { status: "not_sent", reason: M.pausedBeforeSubmit }));
    }

    // One request for the whole order at this location: an accepted post-purchase offer's items
    // arrive in an FO of their own, so merge first; the merged FO is decided on its own facts.
    if (decision.kind === "request") {
      const siblings = await mergeableSiblings(target.row);
      if (siblings.length > 0 && target.fo.supportedActions.includes("MERGE")) {
        const merged = await runCommand(
          { graphql, shop: row.shop, actor: `automation:${decision.rule.id}`, source: "automation" },
          target,
          merge({ siblingIds: siblings }),
        );
        if (merged.kind === "done") {
          return void (await finishDecision(row.id, {
            status: "merged",
            reason: M.merged(siblings.length + 1),
            response: { fulfillmentOrderIds: merged.fulfillmentOrderIds },
          }));
        }
        // Shopify refused to merge: request this FO alone; the siblings are decided on their own.
      }
    }

    const { command, intent } = commandFor(row, decision);
    await recordIntent(row.id, intent);
    const context: CommandContext = {
      graphql,
      shop: row.shop,
      actor: `automation:${decision.rule?.id ?? "defaults"}`,
      source: "automation",
    };
    const result = await runCommand(context, target, command);
    switch (result.kind) {
      case "done":
        await finishDecision(row.id, {
          status: "succeeded",
          response: { fulfillmentOrderIds: result.fulfillmentOrderIds, partly: result.partly },
        });
        if (decision.kind === "hold" && decision.releaseAt) {
          await deps.queue.enqueue(
            AUTOMATION_RELEASE_HOLD_JOB,
            {
              shop: row.shop,
              fulfillmentOrderId: row.fulfillmentOrderShopifyId,
              handle: ourHoldHandle(row.shop, row.id),
              decisionId: row.id,
            } satisfies ReleaseHoldPayload,
            { shop: row.shop, runAt: new Date(decision.releaseAt), dedupeKey: `automation:release:${row.id}` },
          );
        }
        return;
      case "user-errors":
        return void (await finishDecision(row.id, {
          status: "refused",
          reason: M.refused(result.userErrors.map((e) => e.message).join("; ")),
          response: { operation: result.operation, userErrors: result.userErrors },
        }));
      case "unavailable":
        return void (await finishDecision(row.id, { status: "not_sent", reason: M.unavailable(result.message) }));
      case "refused":
        return void (await finishDecision(row.id, {
          status: "not_sent",
          reason: M.unavailable(result.errors.map((e) => e.message).join("; ")),
        }));
    }
  } catch (error) {
    // No answer: the mutation may or may not have run. Keep the lock; the job's retry (or the
    // next evaluation of this order) settles it with a fresh read.
    await finishDecision(row.id, { status: "uncertain", keepLock: true, response: { error: String(error) } });
    throw error;
  }
}

function commandFor(row: AutomationDecision, decision: Submission): { command: FulfillmentCommand; intent: unknown } {
  if (decision.kind === "hold") {
    const input = {
      reason: decision.holdReason,
      reasonNotes: decision.notes,
      notifyMerchant: false,
      handle: ourHoldHandle(row.shop, row.id),
      lines: [],
    };
    return {
      command: hold(input),
      intent: { mutation: "fulfillmentOrderHold", id: row.fulfillmentOrderShopifyId, ...input },
    };
  }
  const input = {
    lines: decision.kind === "partial_request" ? decision.lines : [],
    message: decision.message,
    notifyCustomer: false,
  };
  return {
    command: requestFulfillment(input),
    intent: { mutation: "fulfillmentOrderSubmitFulfillmentRequest", id: row.fulfillmentOrderShopifyId, ...input },
  };
}

/** Open, unsubmitted, unheld FOs of the same order at the same location, by the same delivery method. */
async function mergeableSiblings(row: CommandRow): Promise<string[]> {
  const siblings = await prisma.fulfillmentOrder.findMany({
    where: {
      shop: row.shop,
      orderShopifyId: row.orderShopifyId,
      shopifyId: { not: row.shopifyId },
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      locationShopifyId: row.locationShopifyId,
      deliveryMethod: row.deliveryMethod,
    },
    select: { shopifyId: true, holds: true },
  });
  return siblings.filter((s) => fromJsonColumn<unknown[]>(s.holds).length === 0).map((s) => s.shopifyId);
}

/** Claims older than this were abandoned (by automation's clock, as the job queue's delays are). */
const abandonedBefore = (deps: AutomationDeps) => new Date(deps.now().getTime() - deps.abandonedAfterMs);
/** How long after a claim would count as abandoned its second look runs: room for clock skew. */
const SECOND_LOOK_MARGIN_MS = 2_000;

/**
 * A worker that died mid-submission leaves its decision "submitting", holding the order's lock.
 * When the FO changed before the job ran again (Shopify took the request and said so), the retry
 * decides afresh under a new key and never meets the old row: settle it here, from Shopify's
 * state, so the log says what happened and the order's other FOs can be submitted. Returns the
 * ones Shopify never received: when this evaluation meets one again (same key), it submits it.
 *
 * A claim younger than a job lease may still be live, so it is left alone; but the retry of a
 * dead worker's job can come before its claim is that old (the lease counts from the job's last
 * sign of life, which can precede the claim), and then nothing else may ever evaluate the FO
 * again. So this schedules a second look for when the claim would count as abandoned; if its
 * worker finished, that look finds nothing to settle.
 */
async function settleAbandoned(deps: AutomationDeps, shop: string, fulfillmentOrderId: string): Promise<Set<string>> {
  const unsent = new Set<string>();
  const inFlight = await submissionsInFlight(shop, fulfillmentOrderId);
  if (inFlight.length === 0) return unsent;
  const claimedBefore = abandonedBefore(deps);
  for (const row of inFlight.filter((r) => !isAbandoned(r, claimedBefore) && r.claimedAt !== null)) {
    const runAt = new Date(row.claimedAt!.getTime() + deps.abandonedAfterMs + SECOND_LOOK_MARGIN_MS);
    await deps.queue.enqueue(
      AUTOMATION_EVALUATE_JOB,
      { shop, fulfillmentOrderId, trigger: "retry" } satisfies EvaluatePayload,
      {
        shop,
        runAt,
        dedupeKey: evaluateDedupeKey(shop, fulfillmentOrderId, `${row.id}@${runAt.toISOString()}`, "retry"),
      },
    );
  }
  const abandoned = inFlight.filter((r) => isAbandoned(r, claimedBefore));
  if (abandoned.length === 0) return unsent;
  const graphql = await deps.adminFor(shop);
  if (!graphql) return unsent;
  for (const row of abandoned) if ((await settleUncertain(graphql, row)) === "not_sent") unsent.add(row.id);
  return unsent;
}

/**
 * Settles a submission that got no answer: catch the ledger up with Shopify, then read what
 * Shopify shows. Requested (or gone) → it went through; still unrequested → it never landed.
 */
async function settleUncertain(graphql: AdminGraphql, row: AutomationDecision): Promise<"sent" | "not_sent"> {
  await refreshOrder(graphql, row.shop, row.orderShopifyId, { source: "reconcile" });
  const fresh = await fetchFulfillmentOrderVersion(graphql, row.fulfillmentOrderShopifyId);
  const intent = row.mutation ? fromJsonColumn<{ mutation?: string }>(row.mutation) : null;
  const landed =
    intent?.mutation === "fulfillmentOrderHold"
      ? fresh === null || fresh.holdIds.length > 0
      : fresh === null || fresh.requestStatus !== "UNSUBMITTED";
  if (landed) {
    await finishDecision(row.id, { status: "succeeded", reason: M.recoveredSent, response: fresh });
    return "sent";
  }
  await finishDecision(row.id, { status: "not_sent", reason: M.recoveredNotSent, response: fresh });
  return "not_sent";
}
