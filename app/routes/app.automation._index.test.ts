// The automation settings screen through the real authenticate.admin: rule sets saved as
// versions, stale saves refused, the switches, field errors, and hostile submissions.
import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { AutomationActionData, AutomationScreenView } from "~/automation/settings-views";
import { prisma } from "~/db.server";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { routeHarness } from "../../tests/support/route-harness";
import { action, loader } from "./app.automation._index";
import { loader as versionLoader } from "./app.automation.versions.$version";

const SHOP = "automation-screen.myshopify.com";
const OTHER = "automation-screen-other.myshopify.com";

routeHarness({ shops: [SHOP, OTHER], seed: false });

const rule = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  conditions: [{ type: "delivery-method", in: ["SHIPPING"] }],
  action: { type: "request" },
  ...extra,
});

const post = (form: Record<string, string>, shop = SHOP) =>
  callRoute(action, fetchRequest("/app/automation", shop, { form }));

const saveRules = (ruleSet: unknown, expectedVersion: number, idempotencyKey = randomUUID()) =>
  post({
    intent: "save-rules",
    ruleSet: typeof ruleSet === "string" ? ruleSet : JSON.stringify(ruleSet),
    expectedVersion: String(expectedVersion),
    idempotencyKey,
  });

const setSwitch = (intent: string, field: string, value: string) =>
  post({ intent, [field]: value, idempotencyKey: randomUUID() });

async function answerOf(response: Response) {
  return { status: response.status, body: (await response.json()) as AutomationActionData };
}

async function screenOf(shop = SHOP): Promise<AutomationScreenView> {
  return (await (await callRoute(loader, fetchRequest("/app/automation", shop))).json()) as AutomationScreenView;
}

async function versionPage(version: string) {
  const request = fetchRequest(`/app/automation/versions/${version}`, SHOP);
  const response = await versionLoader({ request, params: { version }, context: {} } as LoaderFunctionArgs);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the automation screen", () => {
  it("loads the defaults when nothing was saved: off, no rules, no versions", async () => {
    const view = await screenOf();

    expect(view.config).toMatchObject({ enabled: false, paused: false, quietPeriodMinutes: null, version: 0 });
    expect(view.config.ruleSet).toEqual({ rules: [], defaults: { preOrderTag: "pre-order", holdHighRisk: true } });
    expect(view.versions).toEqual([]);
  });

  it("saves each rule set as a new version and keeps the old one readable", async () => {
    // GIVEN version 1
    expect(await answerOf(await saveRules({ rules: [rule("ship", "Ship it")] }, 0))).toEqual({
      status: 200,
      body: { ok: true, kind: "saved", version: 1 },
    });
    // WHEN the merchant edits it and saves again
    const second = {
      rules: [
        rule("ship", "Ship everything"),
        rule("hold", "Hold", {
          conditions: [{ type: "order-tag", match: "any", values: ["wait"] }],
          action: { type: "skip" },
        }),
      ],
    };
    expect((await answerOf(await saveRules(second, 1))).body).toEqual({ ok: true, kind: "saved", version: 2 });

    // THEN there are two rows, the screen shows version 2 and lists both
    expect(await prisma.automationRuleSet.count({ where: { shop: SHOP } })).toBe(2);
    const view = await screenOf();
    expect(view.config.version).toBe(2);
    expect(view.config.ruleSet.rules.map((r) => r.name)).toEqual(["Ship everything", "Hold"]);
    expect(view.versions.map((v) => [v.version, v.rules])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    // AND version 1 still reads as it was saved
    const old = await versionPage("1");
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ version: { version: 1, ruleSet: { rules: [{ id: "ship", name: "Ship it" }] } } });
    // AND another shop sees none of it
    expect((await screenOf(OTHER)).config.version).toBe(0);
  });

  it("refuses a save made on an older version with 409, saving nothing", async () => {
    await saveRules({ rules: [rule("ship", "Mine")] }, 0);

    const stale = await answerOf(await saveRules({ rules: [rule("ship", "Theirs")] }, 0));

    expect(stale).toEqual({
      status: 409,
      body: { ok: false, kind: "stale", currentVersion: 1, error: expect.stringMatching(/now version 1.*Reload/) },
    });
    expect(await prisma.automationRuleSet.count({ where: { shop: SHOP } })).toBe(1);
    expect((await screenOf()).config.ruleSet.rules[0]!.name).toBe("Mine");
  });

  it("answers a repeated save with the first answer and saves once", async () => {
    const key = randomUUID();
    const ruleSet = { rules: [rule("ship", "Once")] };

    const first = await answerOf(await saveRules(ruleSet, 0, key));
    const again = await answerOf(await saveRules(ruleSet, 0, key));

    expect(first.body).toEqual({ ok: true, kind: "saved", version: 1 });
    expect(again.body).toEqual(first.body);
    expect(await prisma.automationRuleSet.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("turns automation on, pauses and resumes it at once, and says when it resumed", async () => {
    expect((await answerOf(await setSwitch("set-enabled", "enabled", "true"))).body).toEqual({
      ok: true,
      kind: "switched",
      intent: "set-enabled",
      resumed: false,
    });
    expect((await answerOf(await setSwitch("set-paused", "paused", "true"))).body).toMatchObject({ resumed: false });
    expect((await screenOf()).config).toMatchObject({ enabled: true, paused: true });

    expect((await answerOf(await setSwitch("set-paused", "paused", "false"))).body).toMatchObject({
      intent: "set-paused",
      resumed: true,
    });
    expect((await screenOf()).config).toMatchObject({ enabled: true, paused: false });
    expect(await prisma.auditEvent.count({ where: { shop: SHOP, action: "automation.switches_changed" } })).toBe(3);
  });

  it("sets the quiet period, and empty sets it back to automatic", async () => {
    await setSwitch("set-quiet-period", "quietPeriodMinutes", "15");
    expect((await screenOf()).config.quietPeriodMinutes).toBe(15);

    await setSwitch("set-quiet-period", "quietPeriodMinutes", "");
    expect((await screenOf()).config.quietPeriodMinutes).toBeNull();
  });

  it.each([
    ["a negative number", "-5"],
    ["a fraction", "2.5"],
    ["more than a day", "1441"],
    ["text", "soon"],
  ])("refuses %s as the quiet period with 400", async (_name, value) => {
    const answer = await answerOf(await setSwitch("set-quiet-period", "quietPeriodMinutes", value));

    expect(answer).toEqual({
      status: 400,
      body: { ok: false, kind: "refused", error: expect.stringMatching(/minutes/) },
    });
    expect(await prisma.automationSettings.count()).toBe(0);
  });

  it("returns invalid rules as field errors on their fields, saving nothing", async () => {
    const ruleSet = {
      rules: [
        rule("ship", "Ship it"),
        rule("bad", "Bad", {
          conditions: [
            { type: "order-tag", match: "any", values: ["vip"] },
            { type: "delivery-method", in: ["TELEPORT"] },
          ],
          action: { type: "request", delayMinutes: -1 },
        }),
      ],
    };

    const answer = await answerOf(await saveRules(ruleSet, 0));

    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, kind: "invalid" });
    const fields = answer.body.ok
      ? []
      : "fieldErrors" in answer.body
        ? answer.body.fieldErrors.map((e) => e.field)
        : [];
    expect(fields).toEqual(expect.arrayContaining(["rules.1.conditions.1.in.0", "rules.1.action.delayMinutes"]));
    expect(await prisma.automationRuleSet.count()).toBe(0);
  });
});

describe("hostile submissions to the automation screen", () => {
  const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

  it.each([
    ["more than 50 rules", { rules: many(51, (i) => rule(`r${i}`, `Rule ${i}`)) }, "rules"],
    [
      "more than 20 conditions in a rule",
      { rules: [rule("r", "R", { conditions: many(21, () => ({ type: "order-tag", match: "any", values: ["a"] })) })] },
      "rules.0.conditions",
    ],
    [
      "an unknown condition type",
      { rules: [rule("r", "R", { conditions: [{ type: "moon-phase", in: ["full"] }] })] },
      "rules.0.conditions.0.type",
    ],
    ["rules that are not a list", { rules: "all of them" }, "rules"],
  ])("answers %s with 422 and a field error", async (_name, ruleSet, field) => {
    const answer = await answerOf(await saveRules(ruleSet, 0));

    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: expect.arrayContaining([{ field, message: expect.any(String) }]),
    });
    expect(await prisma.automationRuleSet.count()).toBe(0);
  });

  it.each([
    ["JSON that does not parse", "{rules: [", 400, /not valid JSON/],
    [
      "a __proto__ key inside the rules",
      '{"rules":[],"__proto__":{"polluted":true}}',
      400,
      /"__proto__" is not accepted/,
    ],
    [
      "a constructor key deep in a rule",
      '{"rules":[{"id":"r","constructor":{}}]}',
      400,
      /"constructor" is not accepted/,
    ],
    ["rules larger than 256 KB", JSON.stringify({ rules: [], pad: "x".repeat(300 * 1024) }), 413, /too large/],
  ])("answers %s with a 4xx and a message", async (_name, text, status, message) => {
    const answer = await answerOf(await saveRules(text, 0));

    expect(answer).toEqual({ status, body: { ok: false, kind: "refused", error: expect.stringMatching(message) } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await prisma.automationRuleSet.count()).toBe(0);
  });

  it.each([
    ["an unknown intent", { intent: "drop-tables", idempotencyKey: randomUUID() }],
    ["a save without a key", { intent: "save-rules", ruleSet: "{}", expectedVersion: "0" }],
    ["a save without rules", { intent: "save-rules", expectedVersion: "0", idempotencyKey: randomUUID() }],
    [
      "a negative version",
      { intent: "save-rules", ruleSet: "{}", expectedVersion: "-1", idempotencyKey: randomUUID() },
    ],
    ["a switch that is not true or false", { intent: "set-paused", paused: "yes", idempotencyKey: randomUUID() }],
  ])("answers %s with 400", async (_name, form) => {
    const answer = await answerOf(await post(form));

    expect(answer).toEqual({ status: 400, body: { ok: false, kind: "refused", error: expect.any(String) } });
    expect(await prisma.automationSettings.count()).toBe(0);
  });

  it.each([
    ["not a number", "latest", 400],
    ["zero", "0", 400],
    ["a version never saved", "7", 404],
  ])("answers a version link that is %s with %i", async (_name, version, status) => {
    expect((await versionPage(version)).status).toBe(status);
  });
});
