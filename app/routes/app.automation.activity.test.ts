// The automation activity feed through the real authenticate.admin, on AutomationDecision rows
// written directly (the runtime that writes them is not needed to read them).
import type { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import type { ActivityView } from "~/automation/activity-views";
import { prisma } from "~/db.server";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { routeHarness } from "../../tests/support/route-harness";
import { loader } from "./app.automation.activity";

const SHOP = "automation-activity.myshopify.com";
const OTHER = "automation-activity-other.myshopify.com";

routeHarness({ shops: [SHOP, OTHER], seed: false });

let n = 0;
async function decision(fields: {
  at: string;
  outcome?: string;
  status?: string;
  ruleId?: string | null;
  ruleName?: string | null;
  response?: Prisma.InputJsonValue;
  shop?: string;
}) {
  n += 1;
  return prisma.automationDecision.create({
    data: {
      shop: fields.shop ?? SHOP,
      decisionKey: `key-${n}`,
      fulfillmentOrderShopifyId: `gid://shopify/FulfillmentOrder/${n}`,
      orderShopifyId: `gid://shopify/Order/${n}`,
      orderName: `#${1000 + n}`,
      trigger: "created",
      outcome: fields.outcome ?? "request",
      status: fields.status ?? "succeeded",
      ruleId: fields.ruleId === undefined ? "ship" : fields.ruleId,
      ruleName: fields.ruleName === undefined ? "Ship it" : fields.ruleName,
      ruleVersion: fields.ruleId === null ? null : 3,
      reason: `Reason ${n}`,
      response: fields.response,
      createdAt: new Date(fields.at),
    },
  });
}

async function feed(search = "", shop = SHOP) {
  const response = await callRoute(loader, fetchRequest(`/app/automation/activity${search}`, shop));
  const body = (await response.json()) as
    { ok: true; view: ActivityView } | { ok: false; error: string; errors: Record<string, string> };
  return { status: response.status, body };
}

async function viewOf(search = "", shop = SHOP): Promise<ActivityView> {
  const { status, body } = await feed(search, shop);
  expect(status).toBe(200);
  if (!body.ok) throw new Error(body.error);
  return body.view;
}

describe("the automation activity feed", () => {
  it("shows nothing when automation has decided nothing", async () => {
    const view = await viewOf();

    expect(view.rows).toEqual([]);
    expect(view.next).toBeNull();
    expect(view.previous).toBeNull();
  });

  it("lists the shop's decisions newest first with their rule, version, reason and Shopify's refusal", async () => {
    await decision({ at: "2026-11-01T10:00:00Z" });
    await decision({
      at: "2026-11-02T10:00:00Z",
      status: "refused",
      response: { userErrors: [{ field: ["id"], message: "Fulfillment order is on hold." }] },
    });
    await decision({ at: "2026-11-03T10:00:00Z", outcome: "skip", status: "not_sent", ruleId: null, ruleName: null });
    await decision({ at: "2026-11-04T10:00:00Z", shop: OTHER });

    const view = await viewOf();

    expect(view.rows.map((r) => [r.orderName, r.outcome, r.ruleName, r.ruleVersion])).toEqual([
      ["#1003", "skip", null, null],
      ["#1002", "request", "Ship it", 3],
      ["#1001", "request", "Ship it", 3],
    ]);
    expect(view.rows[1]).toMatchObject({
      fulfillmentOrderId: "gid://shopify/FulfillmentOrder/2",
      reason: "Reason 2",
      shopifyAnswer: "Fulfillment order is on hold.",
    });
    expect(view.rows[0]!.shopifyAnswer).toBeNull();
  });

  it("filters by rule, outcome and status, and offers the rules decisions name", async () => {
    await decision({ at: "2026-11-01T10:00:00Z", ruleId: "ship", outcome: "request" });
    await decision({ at: "2026-11-01T11:00:00Z", ruleId: "hold-vip", ruleName: "Hold VIP", outcome: "hold" });
    await decision({
      at: "2026-11-01T12:00:00Z",
      ruleId: "hold-vip",
      ruleName: "Hold VIP",
      outcome: "hold",
      status: "refused",
    });

    expect((await viewOf("?rule=ship")).rows.map((r) => r.ruleId)).toEqual(["ship"]);
    expect((await viewOf("?outcome=hold")).rows).toHaveLength(2);
    expect((await viewOf("?outcome=hold&status=refused")).rows).toHaveLength(1);
    expect((await viewOf("?outcome=skip")).rows).toEqual([]);
    expect((await viewOf()).rules).toEqual([
      { id: "hold-vip", name: "Hold VIP" },
      { id: "ship", name: "Ship it" },
    ]);
  });

  it("reads the date range as days in the shop's time zone", async () => {
    // GIVEN a shop in New York (UTC-5 in November)
    await prisma.shop.update({
      where: { shop: SHOP },
      data: { currencyCode: "USD", ianaTimezone: "America/New_York" },
    });
    try {
      await decision({ at: "2026-11-02T04:30:00Z" }); // Nov 1, 23:30 in New York
      const start = await decision({ at: "2026-11-02T05:30:00Z" }); // Nov 2, 00:30 in New York
      const end = await decision({ at: "2026-11-03T04:59:00Z" }); // Nov 2, 23:59 in New York
      await decision({ at: "2026-11-03T05:00:00Z" }); // Nov 3, 00:00 in New York

      // WHEN the merchant asks for November 2
      const view = await viewOf("?from=2026-11-02&to=2026-11-02");

      // THEN only New York's November 2 is shown
      expect(view.rows.map((r) => r.id)).toEqual([end.id, start.id]);
      expect(view.timeZone).toBe("America/New_York");
    } finally {
      await prisma.shop.update({ where: { shop: SHOP }, data: { currencyCode: null, ianaTimezone: null } });
    }
  });

  it("pages by cursor: older pages and back, never repeating or skipping a decision", async () => {
    // 30 decisions, five sharing one timestamp (the id breaks the tie)
    for (let i = 0; i < 30; i += 1) {
      const minute = i < 5 ? 0 : i;
      await decision({ at: new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString() });
    }

    const first = await viewOf();
    expect(first.rows).toHaveLength(25);
    expect(first.previous).toBeNull();
    const next = `?after=${encodeURIComponent(`${first.next!.at}~${first.next!.id}`)}`;
    const second = await viewOf(next);
    expect(second.rows).toHaveLength(5);
    expect(second.next).toBeNull();
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(30);

    const back = await viewOf(`?before=${encodeURIComponent(`${second.previous!.at}~${second.previous!.id}`)}`);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });
});

describe("hostile query parameters on the activity feed", () => {
  it.each([
    ["an unknown outcome", "?outcome=explode", "outcome"],
    ["an unknown status", "?status=%00", "status"],
    ["a rule id with SQL in it", "?rule=ship'%20OR%201=1--", "rule"],
    ["a date that does not exist", "?from=2026-02-30", "from"],
    ["a date in another format", "?to=12/03/2026", "to"],
    ["a range that ends before it starts", "?from=2026-11-05&to=2026-11-01", "to"],
    ["a forged cursor", "?after=yesterday~x", "after"],
    ["a cursor with a huge id", `?after=2026-11-01T00:00:00.000Z~${"a".repeat(5000)}`, "after"],
    ["both cursors", "?after=2026-11-01T00:00:00.000Z~a&before=2026-11-01T00:00:00.000Z~b", "before"],
    ["a repeated filter", "?outcome=hold&outcome=skip", "outcome"],
  ])("answers %s with 400 and the reason on its field", async (_name, search, field) => {
    const { status, body } = await feed(search);

    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: expect.any(String), errors: { [field]: expect.any(String) } });
  });
});
