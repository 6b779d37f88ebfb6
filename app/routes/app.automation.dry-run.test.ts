// The rule simulator screen through the real authenticate.admin, on a ledger live automation
// filled from the store simulator.
import { describe, expect, it } from "vitest";
import type { DryRunView } from "~/automation/dry-run/run-dry-run.server";
import type { RuleSetInput } from "~/automation/rules/rule-set";
import { turnOnAutomation } from "../../tests/support/automation";
import { callRoute, documentRequest, fetchRequest } from "../../tests/support/embedded-request";
import { routeHarness } from "../../tests/support/route-harness";
import { action, loader } from "./app.automation.dry-run";

const SHOP = "dry-run-screen.myshopify.com";
const OTHER = "dry-run-other.myshopify.com";
const app = routeHarness({ shops: [SHOP, OTHER] });

const HOLD_EVERYTHING: RuleSetInput = {
  rules: [{ id: "hold-all", name: "Hold everything", conditions: [], action: { type: "hold", reason: "OTHER" } }],
};

/** Two paid 3PL orders and a pickup order in SHOP, one order in OTHER, all decided live. */
async function seedHistory() {
  await turnOnAutomation(SHOP);
  const s = app.seed(SHOP);
  const tee = [{ variantId: s.tee.id, quantity: 1 }];
  app.h.sim.createOrder(SHOP, { lineItems: tee, locationId: s.thirdParty.id });
  app.h.sim.createOrder(SHOP, { lineItems: tee, locationId: s.thirdParty.id });
  app.h.sim.createOrder(SHOP, { lineItems: tee, locationId: s.pickup.id, deliveryMethod: "PICK_UP" });
  const o = app.seed(OTHER);
  app.h.sim.createOrder(OTHER, { lineItems: [{ variantId: o.tee.id, quantity: 1 }], locationId: o.thirdParty.id });
  await app.deliver();
}

type Body = { ok: true; view: DryRunView; draftJson: string | null } | { ok: false; error: string; errors?: unknown[] };
const bodyOf = async (response: Response) => (await response.json()) as Body;
const viewOf = async (response: Response) => {
  const body = await bodyOf(response);
  if (!body.ok) throw new Error(`expected a run, got ${body.error}`);
  return body.view;
};

describe("the rule simulator's loader", () => {
  it("replays the saved rules over the last 30 days: counts per outcome and rule, and the shop's FOs only", async () => {
    await seedHistory();

    const response = await callRoute(loader, documentRequest("/app/automation/dry-run", SHOP));

    expect(response.status).toBe(200);
    const view = await viewOf(response);
    expect(view.source).toEqual({ kind: "saved", version: 1 });
    expect(view.days).toBe(30);
    expect(view.summary).toMatchObject({ total: 3, folded: 0, byOutcome: { request: 2, skip: 1 } });
    expect(view.summary!.byRule).toEqual([
      expect.objectContaining({ ruleId: "ship-all", total: 2 }),
      expect.objectContaining({ ruleId: null, total: 1 }),
    ]);
    // The three orders open within the same millisecond: rows of one moment come in the ledger's
    // order (by row id), which on PostgreSQL follows whichever webhook job wrote first.
    const rows = view.rows.map((row) => [row.orderName, row.kind]);
    expect(rows.sort()).toEqual([
      ["#1001", "request"],
      ["#1002", "request"],
      ["#1003", "skip"],
    ]);
    expect(view.nextCursor).toBeNull();
  });

  it("replays an earlier version by ?version=N", async () => {
    await seedHistory();
    await turnOnAutomation(SHOP, HOLD_EVERYTHING);

    const view = await viewOf(await callRoute(loader, fetchRequest("/app/automation/dry-run?version=1&days=7", SHOP)));
    const current = await viewOf(await callRoute(loader, fetchRequest("/app/automation/dry-run", SHOP)));

    expect(view.source).toEqual({ kind: "version", version: 1 });
    expect(view.summary!.byOutcome).toMatchObject({ request: 2, hold: 0 });
    expect(current.source).toEqual({ kind: "saved", version: 2 });
    expect(current.summary!.byOutcome).toMatchObject({ request: 0, hold: 2 });
  });

  it("reports a run's progress by its run id, to the shop that started it only", async () => {
    await seedHistory();
    const runId = "3f1c1f5e-run-1";

    await viewOf(await callRoute(loader, fetchRequest(`/app/automation/dry-run?days=7&runId=${runId}`, SHOP)));
    const mine = await callRoute(loader, fetchRequest(`/app/automation/dry-run?progress=${runId}`, SHOP));
    const theirs = await callRoute(loader, fetchRequest(`/app/automation/dry-run?progress=${runId}`, OTHER));
    const bad = await callRoute(loader, fetchRequest("/app/automation/dry-run?progress=%3Cscript%3E", SHOP));

    expect(await mine.json()).toEqual({ ok: true, progress: { replayed: 3, total: 3, done: true } });
    expect(await theirs.json()).toEqual({ ok: true, progress: null });
    expect(bad.status).toBe(400);
  });

  it("shows an empty window as such", async () => {
    const view = await viewOf(await callRoute(loader, fetchRequest("/app/automation/dry-run?days=7", SHOP)));
    expect(view.summary).toMatchObject({ total: 0, folded: 0 });
    expect(view.rows).toEqual([]);
  });

  it.each([
    ["a window that is not offered", "?days=5", 400, /7, 30 or 90/],
    ["a window that is not a number", "?days=thirty", 400, /7, 30 or 90/],
    ["a version that does not exist", "?version=99", 404, /does not exist/],
    ["a version that is not a number", "?version=1e3", 400, /does not exist/],
    ["a broken page cursor", "?after=nonsense", 400, /run the simulator again/],
    [
      "a run end far in the past",
      `?after=${encodeURIComponent("2026-01-01T00:00:00.000Z_x")}&until=2020-01-01`,
      400,
      /again/,
    ],
  ])("refuses %s with a 4xx and a message", async (_what, query, status, message) => {
    const response = await callRoute(loader, fetchRequest(`/app/automation/dry-run${query}`, SHOP));
    expect(response.status).toBe(status);
    const body = await bodyOf(response);
    expect(body).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });
});

describe("the rule simulator's action (an unsaved draft)", () => {
  it("replays a draft without saving it", async () => {
    await seedHistory();

    const response = await callRoute(
      action,
      fetchRequest("/app/automation/dry-run", SHOP, { form: { days: "30", ruleSet: JSON.stringify(HOLD_EVERYTHING) } }),
    );

    expect(response.status).toBe(200);
    const view = await viewOf(response);
    expect(view.source).toEqual({ kind: "draft" });
    expect(view.summary!.byOutcome).toMatchObject({ hold: 2, skip: 1, request: 0 });
    // Rows follow the ledger's order, which is the order the webhook jobs ran in (concurrent on pg-boss).
    const holds = view.rows.filter((row) => row.kind === "hold");
    expect(holds).toHaveLength(2);
    for (const row of holds) expect(row).toMatchObject({ ruleId: "hold-all", ruleName: "Hold everything" });
    // Still the saved rules, and nothing sent to Shopify
    const saved = await viewOf(await callRoute(loader, fetchRequest("/app/automation/dry-run", SHOP)));
    expect(saved.source).toEqual({ kind: "saved", version: 1 });
  });

  it("answers an invalid draft with field errors (422)", async () => {
    const draft = {
      rules: [
        { id: "never", name: "Never", conditions: [{ type: "delivery-method", in: [] }], action: { type: "skip" } },
      ],
    };
    const response = await callRoute(
      action,
      fetchRequest("/app/automation/dry-run", SHOP, { form: { ruleSet: JSON.stringify(draft) } }),
    );
    expect(response.status).toBe(422);
    expect(await bodyOf(response)).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ field: "rules.0.conditions.0.in" })],
    });
  });

  it.each([
    ["a draft that is not JSON", { ruleSet: "{rules: [" }, 400, /must be the rule set as JSON/],
    ["no draft at all", { days: "30" }, 400, /must be the rule set as JSON/],
    [
      "a huge draft",
      { ruleSet: JSON.stringify({ rules: [], pad: "x".repeat(300 * 1024) }) },
      413,
      /larger than 256 KiB/,
    ],
    ["a bad window", { days: "-1", ruleSet: "{}" }, 400, /7, 30 or 90/],
  ])("refuses %s with a 4xx and a message", async (_what, form, status, message) => {
    const response = await callRoute(action, fetchRequest("/app/automation/dry-run", SHOP, { form }));
    expect(response.status).toBe(status);
    expect(await bodyOf(response)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });

  it("refuses a body over its limit (413) before reading it as a form, whatever its fields", async () => {
    const response = await callRoute(
      action,
      fetchRequest("/app/automation/dry-run", SHOP, { form: { ruleSet: "{}", pad: "x".repeat(600 * 1024) } }),
    );
    expect(response.status).toBe(413);
    expect(await bodyOf(response)).toEqual({ ok: false, error: "The request is too large." });
  });

  it("refuses a JSON body (415) and a __proto__ field (400)", async () => {
    const json = await callRoute(
      action,
      fetchRequest("/app/automation/dry-run", SHOP, {
        body: { contentType: "application/json", text: JSON.stringify({ ruleSet: HOLD_EVERYTHING }) },
      }),
    );
    expect(json.status).toBe(415);
    const proto = await callRoute(
      action,
      fetchRequest("/app/automation/dry-run", SHOP, {
        body: { contentType: "application/x-www-form-urlencoded", text: "__proto__[x]=1&ruleSet=%7B%7D" },
      }),
    );
    expect(proto.status).toBe(400);
  });
});
