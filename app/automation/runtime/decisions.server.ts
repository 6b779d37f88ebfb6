// The decision log: one row per decision, which is also the submission's intent record.
// docs/decisions/0026-automation-exactly-once.md
import { JSON_DB_NULL, toJsonColumn } from "~/db/json-column";
import type { AutomationDecision } from "@prisma/client";
import { prisma } from "~/db.server";
import { isUniqueViolation } from "~/db/unique-violation";

/** "merged": merged with its siblings into a new FO, which is decided on its own. */
type DecisionStatus =
  "decided" | "scheduled" | "submitting" | "succeeded" | "refused" | "not_sent" | "uncertain" | "merged";

interface NewDecision {
  shop: string;
  decisionKey: string;
  fulfillmentOrderShopifyId: string;
  orderShopifyId: string;
  orderName: string;
  trigger: string;
  outcome: string;
  status: DecisionStatus;
  ruleId: string | null;
  ruleName: string | null;
  ruleVersion: number | null;
  reason: string;
  inputs: unknown;
  runAt: Date | null;
  eligibleAt: Date | null;
}

/** Records a decision once per key: a duplicate trigger on the same state gets the first row back. */
export async function recordDecision(decision: NewDecision): Promise<{ created: boolean; row: AutomationDecision }> {
  try {
    const row = await prisma.automationDecision.create({
      data: { ...decision, inputs: toJsonColumn(decision.inputs) },
    });
    return { created: true, row };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await prisma.automationDecision.findUnique({
      where: { shop_decisionKey: { shop: decision.shop, decisionKey: decision.decisionKey } },
    });
    if (!row) throw error;
    return { created: false, row };
  }
}

/** The FO's latest decision, for "nothing new to say" and the FO page. */
export async function latestDecisionFor(shop: string, fulfillmentOrderId: string) {
  return prisma.automationDecision.findFirst({
    where: { shop, fulfillmentOrderShopifyId: fulfillmentOrderId },
    orderBy: { createdAt: "desc" },
  });
}

const submissionLockKey = (shop: string, orderId: string) => `${shop} ${orderId}`;

/**
 * Takes the order's submission lock for this decision: at most one submission per order is in
 * flight, across processes (a unique column). Busy: the holder's row comes back. `now` is
 * automation's clock, which `isAbandoned` later compares the claim's time with.
 */
export async function claimSubmission(
  decision: AutomationDecision,
  now: Date,
): Promise<{ kind: "claimed" } | { kind: "busy"; holder: AutomationDecision | null }> {
  const key = submissionLockKey(decision.shop, decision.orderShopifyId);
  try {
    await prisma.automationDecision.update({
      where: { id: decision.id },
      data: { status: "submitting", activeSubmissionKey: key, claimedAt: now },
    });
    return { kind: "claimed" };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const holder = await prisma.automationDecision.findUnique({ where: { activeSubmissionKey: key } });
    return { kind: "busy", holder };
  }
}

/** Records what we are about to send, before sending it: after a crash the intent is on record. */
export async function recordIntent(id: string, mutation: unknown): Promise<void> {
  await prisma.automationDecision.update({ where: { id }, data: { mutation: toJsonColumn(mutation) } });
}

/**
 * Records the outcome. `keepLock`: the outcome is uncertain (no answer from Shopify), so the
 * lock stays until a fresh read settles it.
 */
export async function finishDecision(
  id: string,
  outcome: { status: DecisionStatus; response?: unknown; reason?: string; keepLock?: boolean },
): Promise<void> {
  await prisma.automationDecision.update({
    where: { id },
    data: {
      status: outcome.status,
      ...(outcome.response === undefined
        ? {}
        : { response: outcome.response === null ? JSON_DB_NULL : toJsonColumn(outcome.response) }),
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      ...(outcome.keepLock ? {} : { activeSubmissionKey: null }),
      finishedAt: new Date(),
    },
  });
}

/** Back to "decided" (a fresh read showed the request never landed): the job may submit again. */
export async function reopenDecision(id: string): Promise<AutomationDecision> {
  return prisma.automationDecision.update({
    where: { id },
    data: { status: "decided", activeSubmissionKey: null, finishedAt: null },
  });
}

/**
 * The FO's submissions still "submitting": live ones, or ones whose worker died between taking the
 * lock and recording Shopify's answer (`isAbandoned` tells them apart by the claim's age).
 */
export async function submissionsInFlight(shop: string, fulfillmentOrderId: string) {
  return prisma.automationDecision.findMany({
    where: { shop, fulfillmentOrderShopifyId: fulfillmentOrderId, status: "submitting" },
  });
}

/** The shop's submissions abandoned before `claimedBefore` (see `isAbandoned`), oldest first. */
export async function abandonedSubmissionsOf(shop: string, claimedBefore: Date, take: number) {
  return prisma.automationDecision.findMany({
    where: { shop, status: "submitting", claimedAt: { lt: claimedBefore } },
    select: { id: true, fulfillmentOrderShopifyId: true },
    orderBy: { claimedAt: "asc" },
    take,
  });
}

/**
 * Whether a submission holding its order's lock was abandoned by a worker that died: it took the
 * lock before `claimedBefore` (a live submission takes seconds; a job lease is minutes).
 */
export const isAbandoned = (decision: AutomationDecision, claimedBefore: Date): boolean =>
  decision.status === "submitting" && decision.claimedAt !== null && decision.claimedAt < claimedBefore;
