// The idempotency record's result is a nullable Json column: "no result" must be SQL NULL on both
// databases (docs/decisions/0036-json-columns-are-json.md), or a lost attempt would hold its key.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { awaitActionRequest, claimActionRequest, type ClaimInput, finishActionRequest } from "./action-requests.server";

const SHOP = "action-requests.myshopify.com";
let n = 0;
const input = (): ClaimInput => ({
  shop: SHOP,
  idempotencyKey: `key-${++n}`,
  intent: "fulfil",
  fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1",
  actor: "staff",
});
const resultOf = async (id: string) => (await prisma.actionRequest.findUniqueOrThrow({ where: { id } })).result;

describe("action requests", () => {
  it("replays a finished submission's result to a double submit", async () => {
    const request = input();
    const first = await claimActionRequest(request);
    if (first.kind !== "claimed") throw new Error(first.kind);
    await finishActionRequest(first.id, { status: "succeeded", result: { ok: true, message: "Fulfilled." } });

    expect(await claimActionRequest(request)).toEqual({ kind: "done", result: { ok: true, message: "Fulfilled." } });
  });

  it("frees the key of an attempt that ended without a result, and stores no result", async () => {
    const request = input();
    const first = await claimActionRequest(request);
    if (first.kind !== "claimed") throw new Error(first.kind);

    await finishActionRequest(first.id, { status: "failed", result: null });

    expect(await resultOf(first.id)).toBeNull();
    expect(await awaitActionRequest(request, { timeoutMs: 0 })).toEqual({ kind: "claimed", id: first.id });
  });

  it("clears a failed attempt's result when the merchant submits again", async () => {
    const request = input();
    const first = await claimActionRequest(request);
    if (first.kind !== "claimed") throw new Error(first.kind);
    await finishActionRequest(first.id, { status: "failed", result: { ok: false, error: "On hold." } });
    // A submission in the same millisecond as the failure counts as its twin, so the merchant's
    // second submit is stamped a moment after the failure, as it always is outside a test.
    const failedAt = (await prisma.actionRequest.findUniqueOrThrow({ where: { id: first.id } })).updatedAt;
    const resubmittedAt = new Date(failedAt.getTime() + 1_000);

    expect(await claimActionRequest(request, resubmittedAt)).toEqual({ kind: "claimed", id: first.id });
    expect(await resultOf(first.id)).toBeNull();
  });
});
