// The replay's reconstruction of an FO as Shopify routed it, from today's ledger row and history.
import { describe, expect, it } from "vitest";
import type { FulfillmentOrderFacts, OrderFacts } from "../facts";
import { type ReplaySource, reconstructInput } from "./reconstruct";

const OPENED = "2026-11-02T10:00:00.000Z";
const LATER = "2026-11-02T12:00:00.000Z";

const fo = (over: Partial<FulfillmentOrderFacts> = {}): FulfillmentOrderFacts => ({
  id: "gid://shopify/FulfillmentOrder/1",
  status: "CLOSED",
  requestStatus: "ACCEPTED",
  deliveryMethod: "SHIPPING",
  locationId: "gid://shopify/Location/2",
  locationName: "ShipFast 3PL",
  thirdParty: true,
  destinationCountryCode: "CA",
  destinationProvinceCode: "ON",
  holds: [],
  supportedActions: [],
  lines: [{ id: "li-1", lineItemId: "o-1", sku: "MUG-1", productTags: [], vendor: null, remainingQuantity: 0 }],
  updatedAt: LATER,
  openedAt: OPENED,
  ...over,
});

const order: OrderFacts = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  tags: ["vip"],
  financialStatus: "PAID",
  riskLevel: "LOW",
  totalAmount: 25,
  placedAt: OPENED,
  cancelledAt: LATER,
  lastEditedAt: LATER,
  upsellDecision: "accepted",
  upsellDecidedAt: LATER,
};

const source = (over: Partial<ReplaySource> = {}): ReplaySource => ({
  fulfillmentOrder: fo(),
  totalQuantities: new Map([["li-1", 3]]),
  order,
  history: [
    { kind: "created", fromValue: null, toValue: "OPEN", at: OPENED },
    { kind: "request_status", fromValue: "UNSUBMITTED", toValue: "ACCEPTED", at: LATER },
    { kind: "status", fromValue: "OPEN", toValue: "CLOSED", at: LATER },
  ],
  splitOff: [],
  quietPeriodMinutes: 10,
  ...over,
});

describe("reconstructInput", () => {
  it("replays a closed, requested FO as it was routed: open, unsubmitted, every line at its total, at openedAt", () => {
    const { input, moved } = reconstructInput(source());
    expect(input.now).toBe(OPENED);
    expect(input.fulfillmentOrder).toMatchObject({
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      holds: [],
      supportedActions: ["REQUEST_FULFILLMENT"],
      updatedAt: OPENED,
    });
    expect(input.fulfillmentOrder.lines.map((l) => [l.id, l.remainingQuantity])).toEqual([["li-1", 3]]);
    expect(input.shop.quietPeriodMinutes).toBe(10);
    expect(moved).toBe(false);
  });

  it("leaves out what the order did after the FO was routed (cancel, edit, upsell answer) and keeps the rest as now", () => {
    const { input } = reconstructInput(source());
    expect(input.order).toMatchObject({
      tags: ["vip"],
      financialStatus: "PAID",
      cancelledAt: null,
      lastEditedAt: null,
      upsellDecision: null,
      upsellDecidedAt: null,
    });
  });

  it("replays an FO created on hold with the holds it had then, even once they are released", () => {
    const { input } = reconstructInput(
      source({
        fulfillmentOrder: fo({ status: "OPEN", requestStatus: "UNSUBMITTED" }),
        history: [
          { kind: "created", fromValue: null, toValue: "ON_HOLD", at: OPENED },
          { kind: "holds", fromValue: "ONLINE_STORE_POST_PURCHASE_CROSS_SELL", toValue: null, at: LATER },
          { kind: "status", fromValue: "ON_HOLD", toValue: "OPEN", at: LATER },
        ],
      }),
    );
    expect(input.fulfillmentOrder.status).toBe("ON_HOLD");
    expect(input.fulfillmentOrder.holds.map((h) => h.reason)).toEqual(["ONLINE_STORE_POST_PURCHASE_CROSS_SELL"]);
    expect(input.fulfillmentOrder.supportedActions).toEqual([]);
  });

  it("drops a hold placed after routing", () => {
    const held = { id: "h-1", reason: "OTHER", handle: null, heldByRequestingApp: true, since: LATER };
    const { input } = reconstructInput(
      source({
        fulfillmentOrder: fo({ status: "ON_HOLD", requestStatus: "UNSUBMITTED", holds: [held] }),
        history: [
          { kind: "created", fromValue: null, toValue: "OPEN", at: OPENED },
          { kind: "holds", fromValue: null, toValue: "OTHER", at: LATER },
          { kind: "status", fromValue: "OPEN", toValue: "ON_HOLD", at: LATER },
        ],
      }),
    );
    expect(input.fulfillmentOrder).toMatchObject({ status: "OPEN", holds: [] });
  });

  it("folds lines split off since back in, onto the same order line where there is one", () => {
    const { input } = reconstructInput(
      source({
        splitOff: [
          {
            id: "li-9",
            lineItemId: "o-1",
            sku: "MUG-1",
            productTags: [],
            vendor: null,
            remainingQuantity: 0,
            totalQuantity: 2,
          },
          {
            id: "li-7",
            lineItemId: "o-2",
            sku: "TEE-1",
            productTags: [],
            vendor: null,
            remainingQuantity: 1,
            totalQuantity: 1,
          },
        ],
      }),
    );
    expect(input.fulfillmentOrder.lines.map((l) => [l.id, l.remainingQuantity])).toEqual([
      ["li-1", 5],
      ["li-7", 1],
    ]);
  });

  it("keeps today's supported actions for an FO unchanged since it was routed, and says when it moved", () => {
    const unchanged = reconstructInput(
      source({
        fulfillmentOrder: fo({ status: "OPEN", requestStatus: "UNSUBMITTED", supportedActions: ["HOLD", "MOVE"] }),
        history: [{ kind: "created", fromValue: null, toValue: "OPEN", at: OPENED }],
      }),
    );
    expect(unchanged.input.fulfillmentOrder.supportedActions).toEqual(["HOLD", "MOVE"]);
    const moved = reconstructInput(
      source({
        history: [
          ...source().history,
          { kind: "location", fromValue: "Warehouse", toValue: "ShipFast 3PL", at: LATER },
        ],
      }),
    );
    expect(moved.moved).toBe(true);
  });
});
