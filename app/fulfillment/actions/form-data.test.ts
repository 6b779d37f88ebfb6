import { describe, expect, it } from "vitest";
import { ActionInput } from "./contract";
import { actionInputFromFormData } from "./form-data";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const COMMON: [string, string][] = [
  ["fulfillmentOrderId", "gid://shopify/FulfillmentOrder/1"],
  ["expectedUpdatedAt", "2026-11-20T10:00:00Z"],
  ["idempotencyKey", "key-12345678"],
];

describe("actionInputFromFormData", () => {
  it("groups bracketed and dotted line fields by index, in index order", () => {
    const raw = actionInputFromFormData(
      form([
        ["intent", "fulfil"],
        ...COMMON,
        ["lines[1][id]", "gid://shopify/FulfillmentOrderLineItem/2"],
        ["lines[1][quantity]", "1"],
        ["lines[0].id", "gid://shopify/FulfillmentOrderLineItem/1"],
        ["lines[0].quantity", "2"],
        ["trackingUrl", ""],
        ["notifyCustomer", "false"],
      ]),
    );
    expect(raw).toMatchObject({
      lines: [
        { id: "gid://shopify/FulfillmentOrderLineItem/1", quantity: "2" },
        { id: "gid://shopify/FulfillmentOrderLineItem/2", quantity: "1" },
      ],
      notifyCustomer: false,
    });
    expect(raw).not.toHaveProperty("trackingUrl");
    const parsed = ActionInput.parse(raw);
    expect(parsed).toMatchObject({
      intent: "fulfil",
      notifyCustomer: false,
      lines: [{ quantity: 2 }, { quantity: 1 }],
    });
  });

  it.each([
    ["holdIds[]", "holdIds[]"],
    ["holdIds", "holdIds"],
    ["holdIds[0]", "holdIds[1]"],
  ])("reads repeated %s / %s as a list", (first, second) => {
    const raw = actionInputFromFormData(
      form([
        ["intent", "release-holds"],
        ...COMMON,
        [first, "gid://shopify/FulfillmentHold/1"],
        [second, "gid://shopify/FulfillmentHold/2"],
      ]),
    );
    expect(ActionInput.parse(raw)).toMatchObject({
      holdIds: ["gid://shopify/FulfillmentHold/1", "gid://shopify/FulfillmentHold/2"],
    });
  });

  it("lets the last of repeated scalars win, so a checkbox after its hidden default works", () => {
    const raw = actionInputFromFormData(
      form([["intent", "hold"], ...COMMON, ["reason", "OTHER"], ["notifyMerchant", "false"], ["notifyMerchant", "on"]]),
    );
    expect(ActionInput.parse(raw)).toMatchObject({ notifyMerchant: true, lines: [] });
  });

  it.each([["__proto__[0][x]"], ["__proto__[]"], ["__proto__"], ["lines[0][__proto__]"], ["holdIds"]])(
    "reads a field named %s without throwing or touching Object.prototype",
    (name) => {
      const raw = actionInputFromFormData(
        form([["intent", "fulfil"], ...COMMON, ["holdIds", "x"], [name, "polluted"], ["lines[0][id]", "y"]]),
      );

      expect(ActionInput.safeParse(raw).success).toBe(false);
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    },
  );
});
