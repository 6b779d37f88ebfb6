import { describe, expect, it } from "vitest";
import { toInputField } from "./user-error-fields";

const context = { lineIndexes: [0, 2], holdIdIndexes: [0, 1] };

describe("toInputField", () => {
  it.each<[string[] | null, string | null]>([
    [["fulfillmentOrderLineItems", "0", "quantity"], "lines.0.quantity"],
    [["fulfillmentOrderLineItems", "1", "quantity"], "lines.2.quantity"],
    [["fulfillmentOrderLineItems", "1", "id"], "lines.2.id"],
    [["fulfillmentOrderLineItems", "1"], "lines.2"],
    [["fulfillmentOrderLineItems", "7", "quantity"], "lines"],
    [["fulfillmentHold", "fulfillmentOrderLineItems", "0", "quantity"], "lines.0.quantity"],
    [
      ["fulfillment", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderLineItems", "1", "quantity"],
      "lines.2.quantity",
    ],
    [["fulfillment", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderId"], null],
    [["fulfillment", "trackingInfo", "url"], "trackingUrl"],
    [["trackingInfo", "number"], "trackingNumber"],
    [["trackingInfo", "company"], "trackingCompany"],
    [["fulfillmentHold", "reason"], "reason"],
    [["fulfillmentHold", "reasonNotes"], "reasonNotes"],
    [["fulfillmentHold", "handle"], null],
    [["holdIds"], "holdIds"],
    [["holdIds", "1"], "holdIds.1"],
    [["newLocationId"], "locationId"],
    [["message"], "message"],
    [["id"], null],
    [["input", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderId"], null],
    [null, null],
    [[], null],
  ])("maps Shopify's %j to %j", (path, expected) => {
    expect(toInputField(path, context)).toBe(expected);
  });
});
