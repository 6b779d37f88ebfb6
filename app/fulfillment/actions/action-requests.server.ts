// The ActionRequest repository: one row per (shop, idempotency key), so a double submit is
// answered once. The unique index decides between concurrent submissions; the loser waits for
// the winner's result.
import { prisma } from "~/db.server";
import { fromJsonColumn, JSON_DB_NULL, toJsonColumn } from "~/db/json-column";
import type { ActionResult } from "./contract";
import { isUniqueViolation } from "~/db/unique-violation";

type Claim<R = ActionResult> =
  | { kind: "claimed"; id: string }
  /** Already done: the first submission's result. */
  | { kind: "done"; result: R }
  /** Another submission with this key is still running (or was interrupted). */
  | { kind: "running" }
  /** The key was used for a different action or FO. */
  | { kind: "conflict" };

export interface ClaimInput {
  shop: string;
  idempotencyKey: string;
  intent: string;
  /** The FO it acts on; null for a screen action on the shop (sync now, retry a job). */
  fulfillmentOrderId: string | null;
  actor: string | null;
}

/**
 * Claims the key for this submission. A failed earlier attempt (Shopify refused, the page was
 * stale…) doesn't hold the key: the merchant may fix the form and submit again. An attempt that
 * failed while this submission was already under way is its concurrent twin (a double click), not
 * an earlier attempt: this one gets the same answer instead of sending the mutation again.
 */
export async function claimActionRequest<R = ActionResult>(
  input: ClaimInput,
  submittedAt: Date = new Date(),
): Promise<Claim<R>> {
  const { shop, idempotencyKey } = input;
  try {
    const row = await prisma.actionRequest.create({
      data: {
        shop,
        idempotencyKey,
        intent: input.intent,
        fulfillmentOrderId: input.fulfillmentOrderId,
        actor: input.actor,
        status: "running",
      },
      select: { id: true },
    });
    return { kind: "claimed", id: row.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await prisma.actionRequest.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } } });
  if (!existing) return claimActionRequest<R>(input, submittedAt);
  if (existing.intent !== input.intent || existing.fulfillmentOrderId !== input.fulfillmentOrderId) {
    return { kind: "conflict" };
  }
  if (existing.status === "succeeded" && existing.result) {
    return { kind: "done", result: fromJsonColumn<R>(existing.result) };
  }
  // On one SQLite connection the twin is still "running" here; on PostgreSQL the first can
  // finish between our insert and this read.
  if (existing.status === "failed" && existing.result && existing.updatedAt >= submittedAt) {
    return { kind: "done", result: fromJsonColumn<R>(existing.result) };
  }
  if (existing.status === "failed") {
    const { count } = await prisma.actionRequest.updateMany({
      where: { id: existing.id, status: "failed" },
      data: { status: "running", actor: input.actor, result: JSON_DB_NULL },
    });
    if (count === 1) return { kind: "claimed", id: existing.id };
  }
  return { kind: "running" };
}

/**
 * Waits for the submission that holds this key to finish, and answers with its result — also
 * when it failed, so a concurrent double submit never sends the mutation twice. Only an attempt
 * that ended without a result (Shopify unreachable) frees the key for this one. Still "running"
 * after `timeoutMs`.
 */
export async function awaitActionRequest<R = ActionResult>(
  input: ClaimInput,
  options: { timeoutMs?: number; pollMs?: number } = {},
): Promise<Claim<R>> {
  const { shop, idempotencyKey } = input;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const row = await prisma.actionRequest.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } } });
    if (!row || (row.status === "failed" && !row.result)) return claimActionRequest<R>(input);
    if (row.status !== "running" && row.result) return { kind: "done", result: fromJsonColumn<R>(row.result) };
    if (Date.now() >= deadline) return { kind: "running" };
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 25));
  }
}

export async function finishActionRequest(
  id: string,
  outcome: { status: "succeeded" | "failed"; result: unknown },
): Promise<void> {
  await prisma.actionRequest.update({
    where: { id },
    data: { status: outcome.status, result: outcome.result == null ? JSON_DB_NULL : toJsonColumn(outcome.result) },
  });
}

type Once<R> =
  { kind: "done"; result: R; replayed: boolean } | Extract<Claim<R>, { kind: "running" } | { kind: "conflict" }>;

/**
 * Runs `work` once per (shop, idempotency key), for a screen action that isn't an FO action
 * (sync now, retry a job): a repeated submission gets the first answer, a concurrent one waits
 * for it. Work that throws frees the key for a retry.
 */
export async function runOnce<R>(input: ClaimInput, work: () => Promise<R>): Promise<Once<R>> {
  let claim = await claimActionRequest<R>(input);
  if (claim.kind === "running") claim = await awaitActionRequest<R>(input);
  if (claim.kind === "done") return { kind: "done", result: claim.result, replayed: true };
  if (claim.kind !== "claimed") return claim;
  try {
    const result = await work();
    await finishActionRequest(claim.id, { status: "succeeded", result });
    return { kind: "done", result, replayed: false };
  } catch (error) {
    await finishActionRequest(claim.id, { status: "failed", result: null });
    throw error;
  }
}
