import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webhookSamplePath } from "../../tests/support/shopify-reference";
import { parseJsonLossless } from "./lossless-json";
import { refreshTargetsOf } from "./payload-targets";
import { WEBHOOK_TOPICS } from "./topics";

const sample = (topic: string) => parseJsonLossless(readFileSync(webhookSamplePath(topic), "utf8"));
const fo = (n: number) => `gid://shopify/FulfillmentOrder/${n}`;

describe("refreshTargetsOf Shopify's sample payloads", () => {
  it("reads the order GID of orders/* samples, not the rounded numeric id", () => {
    for (const topic of Object.keys(WEBHOOK_TOPICS).filter((t) => t.startsWith("orders/") && t !== "orders/edited")) {
      expect(refreshTargetsOf(topic, sample(topic)).orderIds).toEqual(["gid://shopify/Order/820982911946154508"]);
    }
  });

  it("reads orders/edited's 18-digit order_id exactly", () => {
    expect(refreshTargetsOf("orders/edited", sample("orders/edited")).orderIds).toEqual([
      "gid://shopify/Order/820982911946154508",
    ]);
  });

  it.each(Object.keys(WEBHOOK_TOPICS).filter((t) => t.startsWith("fulfillment_")))(
    "finds the fulfillment orders named by %s",
    (topic) => {
      expect(refreshTargetsOf(topic, sample(topic)).fulfillmentOrderIds.length).toBeGreaterThan(0);
    },
  );

  it("keeps lineage from split, moved, partial holds and cancellation replacements", () => {
    expect(refreshTargetsOf("fulfillment_orders/split", sample("fulfillment_orders/split")).lineage).toEqual([
      { parentId: fo(1), childId: fo(2), reason: "split" },
      { parentId: fo(1), childId: fo(3), reason: "split" },
    ]);
    expect(refreshTargetsOf("fulfillment_orders/moved", sample("fulfillment_orders/moved")).lineage).toEqual([
      { parentId: fo(1), childId: fo(2), reason: "moved" },
    ]);
    expect(
      refreshTargetsOf("fulfillment_orders/placed_on_hold", sample("fulfillment_orders/placed_on_hold")).lineage,
    ).toEqual([{ parentId: fo(1), childId: fo(2), reason: "partial_hold" }]);
    expect(refreshTargetsOf("fulfillment_orders/cancelled", sample("fulfillment_orders/cancelled")).lineage).toEqual([
      { parentId: fo(1), childId: fo(2), reason: "replacement" },
    ]);
  });

  it("turns merged's numeric fulfillment_order_id values into GIDs", () => {
    expect(
      refreshTargetsOf("fulfillment_orders/merged", sample("fulfillment_orders/merged")).fulfillmentOrderIds.sort(),
    ).toEqual([fo(1), fo(2)].sort());
  });
});

describe("FO states a payload states as its event's whole effect", () => {
  const submitted = (request_status: unknown) => ({
    original_fulfillment_order: { id: fo(1), status: "open", request_status: "unsubmitted" },
    submitted_fulfillment_order: { id: fo(1), status: "open", request_status },
  });

  it("reads a whole request's submitted FO as it is now, not as it was", () => {
    expect(
      refreshTargetsOf("fulfillment_orders/fulfillment_request_submitted", submitted("submitted")).statedStates,
    ).toEqual([{ id: fo(1), status: "OPEN", requestStatus: "SUBMITTED" }]);
  });

  it("states nothing for a malformed FO, or for topics whose payload leaves part of the change out", () => {
    expect(refreshTargetsOf("fulfillment_orders/fulfillment_request_submitted", submitted(7)).statedStates).toEqual([]);
    const hold = sample("fulfillment_orders/placed_on_hold");
    expect(refreshTargetsOf("fulfillment_orders/placed_on_hold", hold).statedStates).toEqual([]);
    expect(refreshTargetsOf("orders/updated", sample("orders/updated")).statedStates).toEqual([]);
  });
});
