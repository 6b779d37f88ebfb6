// The versioned rule store against a real SQLite database: every save a new version, old
// versions readable, a stale or concurrent save refused, switches audited.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import {
  listRuleSetVersions,
  loadAutomationConfig,
  readRuleSetVersion,
  saveRuleSet,
  setAutomationSwitches,
} from "./rule-store.server";
import { EMPTY_RULE_SET, RuleSet } from "./rules/rule-set";

const SHOP = "rule-store.myshopify.com";
const OTHER = "rule-store-other.myshopify.com";

afterEach(async () => {
  await prisma.automationRuleSet.deleteMany();
  await prisma.automationSettings.deleteMany();
  await prisma.auditEvent.deleteMany();
});

const ruleSetNamed = (name: string) =>
  RuleSet.parse({ rules: [{ id: "r1", name, conditions: [], action: { type: "request" } }] });

describe("loadAutomationConfig", () => {
  it("answers the defaults when nothing was saved", async () => {
    expect(await loadAutomationConfig(SHOP)).toEqual({
      enabled: false,
      paused: false,
      quietPeriodMinutes: null,
      version: 0,
      ruleSet: EMPTY_RULE_SET,
    });
  });
});

describe("saveRuleSet", () => {
  it("appends a new version each time, moves the live version and keeps the old one readable", async () => {
    expect(await saveRuleSet(SHOP, ruleSetNamed("first"), { actor: "staff:1", expectedVersion: 0 })).toEqual({
      kind: "saved",
      version: 1,
    });
    expect(await saveRuleSet(SHOP, ruleSetNamed("second"), { actor: "staff:2", expectedVersion: 1 })).toEqual({
      kind: "saved",
      version: 2,
    });

    const config = await loadAutomationConfig(SHOP);
    expect(config.version).toBe(2);
    expect(config.ruleSet.rules[0]!.name).toBe("second");
    expect((await readRuleSetVersion(SHOP, 1))?.ruleSet.rules[0]!.name).toBe("first");
    expect((await listRuleSetVersions(SHOP)).map((v) => [v.version, v.actor])).toEqual([
      [2, "staff:2"],
      [1, "staff:1"],
    ]);
    expect(await prisma.automationRuleSet.count({ where: { shop: SHOP } })).toBe(2);
    const audits = await prisma.auditEvent.findMany({ where: { shop: SHOP, action: "automation.rules_saved" } });
    expect(audits.map((a) => (a.detail as { version: number }).version).sort()).toEqual([1, 2]);
  });

  it("refuses a save made on an older version and saves nothing", async () => {
    await saveRuleSet(SHOP, ruleSetNamed("first"), { actor: null, expectedVersion: 0 });

    expect(await saveRuleSet(SHOP, ruleSetNamed("late"), { actor: null, expectedVersion: 0 })).toEqual({
      kind: "stale",
      currentVersion: 1,
    });
    expect(await prisma.automationRuleSet.count({ where: { shop: SHOP } })).toBe(1);
    expect((await loadAutomationConfig(SHOP)).ruleSet.rules[0]!.name).toBe("first");
  });

  it("gives two concurrent saves of the same version one new version, the other is stale", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        saveRuleSet(SHOP, ruleSetNamed(`r${i}`), { actor: null, expectedVersion: 0 }),
      ),
    );

    expect(results.filter((r) => r.kind === "saved")).toEqual([{ kind: "saved", version: 1 }]);
    expect(results.filter((r) => r.kind === "stale")).toHaveLength(4);
    expect(await prisma.automationRuleSet.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("keeps each shop's versions apart", async () => {
    await saveRuleSet(SHOP, ruleSetNamed("mine"), { actor: null, expectedVersion: 0 });

    expect(await readRuleSetVersion(OTHER, 1)).toBeNull();
    expect((await loadAutomationConfig(OTHER)).version).toBe(0);
  });
});

describe("setAutomationSwitches", () => {
  it("says resumed only when paused goes from true to false, and audits each change", async () => {
    const off = { resumed: false, switchedOn: false };
    expect(await setAutomationSwitches(SHOP, { enabled: true }, "staff:1")).toEqual({ ...off, switchedOn: true });
    expect(await setAutomationSwitches(SHOP, { enabled: true }, "staff:1")).toEqual(off);
    expect(await setAutomationSwitches(SHOP, { paused: false }, "staff:1")).toEqual(off);
    expect(await setAutomationSwitches(SHOP, { paused: true }, "staff:1")).toEqual(off);
    expect(await setAutomationSwitches(SHOP, { paused: true }, "staff:1")).toEqual(off);
    expect(await setAutomationSwitches(SHOP, { paused: false }, "staff:1")).toEqual({ ...off, resumed: true });

    const config = await loadAutomationConfig(SHOP);
    expect(config).toMatchObject({ enabled: true, paused: false, quietPeriodMinutes: null });
    expect(await prisma.auditEvent.count({ where: { shop: SHOP, action: "automation.switches_changed" } })).toBe(6);
  });

  it("reports resumed to exactly one of several concurrent resumes", async () => {
    await setAutomationSwitches(SHOP, { enabled: true, paused: true }, null);

    const results = await Promise.all(
      Array.from({ length: 5 }, () => setAutomationSwitches(SHOP, { paused: false }, null)),
    );

    expect(results.filter((r) => r.resumed)).toHaveLength(1);
    expect((await loadAutomationConfig(SHOP)).paused).toBe(false);
  });

  it("changes only the switches it is given", async () => {
    await setAutomationSwitches(SHOP, { enabled: true, quietPeriodMinutes: 15 }, null);
    await setAutomationSwitches(SHOP, { paused: true }, null);
    await setAutomationSwitches(SHOP, { quietPeriodMinutes: null }, null);

    expect(await loadAutomationConfig(SHOP)).toMatchObject({ enabled: true, paused: true, quietPeriodMinutes: null });
  });
});
