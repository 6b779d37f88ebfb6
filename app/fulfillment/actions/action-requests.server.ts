// The ActionRequest repository: one row per (shop, idempotency key), so a double submit is
// answered once. The unique index decides between concurrent submissions; the loser waits for
// the winner's result.
import { prisma } from "~/db.server";
import type { ActionResult } from "./contract";
import { isUniqueViolation } from "~/db/unique-violation";

export type Claim =
  | { kind: "claimed"; id: string }
  /** Already done: the first submission's result. */
  | { kind: "done"; result: ActionResult }
  /** Another submission with this key is still running (or was interrupted). */
  | { kind: "running" }
  /** The key was used for a different action or FO. */
  | { kind: "conflict" };

export interface ClaimInput {
  shop: string;
  idempotencyKey: string;
  intent: string;
  fulfillmentOrderId: string;
  actor: string | null;
}

/**
 * Claims the key for this submission. A failed earlier attempt (Shopify refused, the page was
 * stale…) doesn't hold the key: the merchant may fix the form and submit again.
 */
export async function claimActionRequest(input: ClaimInput): Promise<Claim> {
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
  if (!existing) return claimActionRequest(input);
  if (existing.intent !== input.intent || existing.fulfillmentOrderId !== input.fulfillmentOrderId) {
    return { kind: "conflict" };
  }
  if (existing.status === "succeeded" && existing.result) {
    return { kind: "done", result: JSON.parse(existing.result) as ActionResult };
  }
  if (existing.status === "failed") {
    const { count } = await prisma.actionRequest.updateMany({
      where: { id: existing.id, status: "failed" },
      data: { status: "running", actor: input.actor, result: null },
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
export async function awaitActionRequest(
  input: ClaimInput,
  options: { timeoutMs?: number; pollMs?: number } = {},
): Promise<Claim> {
  const { shop, idempotencyKey } = input;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const row = await prisma.actionRequest.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } } });
    if (!row || (row.status === "failed" && !row.result)) return claimActionRequest(input);
    if (row.status !== "running" && row.result) return { kind: "done", result: JSON.parse(row.result) as ActionResult };
    if (Date.now() >= deadline) return { kind: "running" };
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 25));
  }
}

export async function finishActionRequest(
  id: string,
  outcome: { status: "succeeded" | "failed"; result: ActionResult | null },
): Promise<void> {
  await prisma.actionRequest.update({
    where: { id },
    data: { status: outcome.status, result: outcome.result ? JSON.stringify(outcome.result) : null },
  });
}
