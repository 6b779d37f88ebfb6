import { describe, expect, it } from "vitest";
import { type Budget, IN_FLIGHT_EXPIRY_MS, release, settle, take, UNKNOWN_BUCKET_WAIT_MS } from "./api-budget";
import type { QueryCost } from "./errors";

const bucket = { maximumAvailable: 1000, restoreRate: 50 };
const answer = (currentlyAvailable: number, actualQueryCost: number | null, requestedQueryCost = 400): QueryCost => ({
  requestedQueryCost,
  actualQueryCost,
  throttleStatus: { ...bucket, currentlyAvailable },
});
const known = (available: number, at = 0): Budget => ({ available, maximum: 1000, restoreRate: 50, at, inFlight: [] });

function taken(result: ReturnType<typeof take>): Budget {
  if (!result.taken) throw new Error(`refused, wait ${result.waitMs} ms`);
  return result.budget;
}

describe("the shared Admin API budget", () => {
  it("takes a call's points and waits for room when the bucket cannot hold them plus the reserve", () => {
    const after = taken(take(known(1000), { id: "a", points: 400 }, 0, 0));
    expect(after.available).toBe(600);
    expect(take(after, { id: "b", points: 500 }, 200, 0)).toEqual({ taken: false, waitMs: 2000 });
  });

  it("does not hand out the points of a call taken after this one and still on its way, whatever Shopify reports", () => {
    // Worker A and worker B each take 400 of a full bucket; A's call reaches Shopify first.
    let budget = taken(take(known(1000), { id: "a", points: 400 }, 0, 0));
    budget = taken(take(budget, { id: "b", points: 400 }, 0, 0));
    // Shopify answers A: it has not seen B yet, and someone outside the budget spent 500 meanwhile.
    budget = settle(budget, "a", 400, answer(100, 400), 0);
    // B's 400 are still on their way to Shopify's bucket of 100: nothing is left to take.
    expect(budget.available).toBe(0);
    expect(budget.inFlight.map((c) => c.id)).toEqual(["b"]);
    expect(take(budget, { id: "c", points: 100 }, 0, 0).taken).toBe(false);
    // B's answer settles it again from what Shopify saw.
    budget = settle(budget, "b", 400, answer(0, 400), 1000);
    expect(budget).toMatchObject({ available: 0, inFlight: [] });
    expect(take(budget, { id: "c", points: 100 }, 0, 3000).taken).toBe(true);
  });

  it("does not count again a call taken before this one, which Shopify has already run", () => {
    // A, then B, take from a full bucket; Shopify runs A, then B, and answers B first.
    let budget = taken(take(known(1000), { id: "a", points: 400 }, 0, 0));
    budget = taken(take(budget, { id: "b", points: 300 }, 0, 0));
    // Its report counts both calls (each cost what it took): 300 left, the same as our account.
    budget = settle(budget, "b", 300, answer(300, 300, 300), 0);
    expect(budget.available).toBe(300);
    budget = settle(budget, "a", 400, answer(300, 400), 0);
    expect(budget).toMatchObject({ available: 300, inFlight: [] });
  });

  it("holds a call that arrived after a later one by its own account, not by the report", () => {
    // A, then B, take; Shopify runs B first and answers it: its report does not count A yet.
    let budget = taken(take(known(1000), { id: "a", points: 400 }, 0, 0));
    budget = taken(take(budget, { id: "b", points: 300 }, 0, 0));
    budget = settle(budget, "b", 300, answer(700, 300, 300), 0);
    // Our own account still holds A's 400.
    expect(budget.available).toBe(300);
  });

  it("sends one call at a time until Shopify's first answer tells the bucket", () => {
    // Two workers start together: neither knows the bucket, so only the first call goes.
    let budget = taken(take(null, { id: "a", points: 400 }, 0, 0));
    expect(take(budget, { id: "b", points: 400 }, 0, 0)).toEqual({ taken: false, waitMs: UNKNOWN_BUCKET_WAIT_MS });
    budget = settle(budget, "a", 400, answer(700, 300), 0);
    expect(budget.available).toBe(700);
    budget = taken(take(budget, { id: "b", points: 400 }, 0, 0));
    expect(budget.available).toBe(300);
  });

  it("counts a call whose process died while the bucket was unknown, until it expires", () => {
    const budget = taken(take(null, { id: "dead", points: 400 }, 0, 0));
    expect(take(budget, { id: "a", points: 400 }, 0, IN_FLIGHT_EXPIRY_MS - 1).taken).toBe(false);
    expect(take(budget, { id: "a", points: 400 }, 0, IN_FLIGHT_EXPIRY_MS).taken).toBe(true);
  });

  it("a THROTTLED answer costs nothing, and a call without an answer keeps its points spent", () => {
    let budget = taken(take(known(500), { id: "a", points: 400 }, 0, 0));
    budget = settle(budget, "a", 400, answer(500, null), 0);
    expect(budget.available).toBe(500);
    budget = taken(take(budget, { id: "b", points: 400 }, 0, 0));
    budget = release(budget, "b", 0)!;
    expect(budget).toMatchObject({ available: 100, inFlight: [] });
  });

  it("forgets a call left in flight by a process that died, after IN_FLIGHT_EXPIRY_MS", () => {
    let budget = taken(take(known(1000), { id: "dead", points: 400 }, 0, 0));
    budget = taken(take(budget, { id: "a", points: 100 }, 0, IN_FLIGHT_EXPIRY_MS - 1));
    expect(budget.inFlight.map((c) => c.id)).toEqual(["dead", "a"]);
    budget = settle(budget, "a", 100, answer(900, 100, 100), IN_FLIGHT_EXPIRY_MS);
    // The dead call no longer holds back Shopify's report.
    expect(budget).toMatchObject({ available: 900, inFlight: [] });
  });

  it("never accounts at a moment before the budget's own: a caller's clock read before another process wrote", () => {
    // Another process settled at 10 s and left the bucket empty.
    let budget = settle(taken(take(known(1000), { id: "a", points: 1000 }, 0, 0)), "a", 1000, answer(0, 1000), 10_000);
    // A caller that read its clock at 5 s, before it waited for the budget's lock, takes nothing…
    expect(take(budget, { id: "b", points: 100 }, 0, 5_000)).toEqual({ taken: false, waitMs: 2000 });
    // …and its answer, settled with that early moment, does not move the budget back in time.
    budget = settle(budget, "z", 0, answer(0, 0, 0), 5_000);
    expect(budget.at).toBe(10_000);
    // So at 10 s there is still nothing: the 5 s between were not restored twice.
    expect(take(budget, { id: "c", points: 100 }, 0, 10_000).taken).toBe(false);
    expect(take(budget, { id: "c", points: 100 }, 0, 12_000).taken).toBe(true);
  });
});
