import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webhookSamplePath } from "../../tests/support/shopify-reference";
import { parseJsonLossless } from "./lossless-json";

describe("parseJsonLossless", () => {
  it("keeps integers above 2^53 exact, as strings", () => {
    expect(parseJsonLossless('{"id": 820982911946154508, "n": 12}')).toEqual({ id: "820982911946154508", n: 12 });
  });

  it("leaves digits inside strings, escapes, decimals and negatives alone", () => {
    const raw = '{"note":"order 820982911946154508 \\"quoted\\"","price":"199.00","x":-1.5e3,"y":-9007199254740993}';
    expect(parseJsonLossless(raw)).toEqual({
      note: 'order 820982911946154508 "quoted"',
      price: "199.00",
      x: -1500,
      y: "-9007199254740993",
    });
  });

  it("reads orders/edited's order_id exactly where JSON.parse rounds it", () => {
    const raw = readFileSync(webhookSamplePath("orders/edited"), "utf8");
    const lossless = parseJsonLossless(raw) as { order_edit: { order_id: string } };
    const rounded = JSON.parse(raw) as { order_edit: { order_id: number } };
    expect(lossless.order_edit.order_id).toBe("820982911946154508");
    expect(String(rounded.order_edit.order_id)).not.toBe("820982911946154508");
  });
});
