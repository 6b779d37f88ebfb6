// The feed's pure parts: Shopify's refusal as the merchant reads it, and a shop's day as moments.
import { describe, expect, it } from "vitest";
import { endOfDayIn, startOfDayIn } from "./activity-params";
import { shopifyAnswerOf } from "./activity.server";

describe("shopifyAnswerOf", () => {
  it.each([
    ["userErrors", { userErrors: [{ message: "On hold." }, { message: "Not open." }] }, "On hold. Not open."],
    ["a message", { message: "The fulfillment order is closed." }, "The fulfillment order is closed."],
    ["userErrors under response", { response: { userErrors: [{ message: "Nope." }] } }, "Nope."],
    ["anything else", { data: { ok: true } }, null],
  ])("reads %s of a refused decision", (_name, response, expected) => {
    expect(shopifyAnswerOf("refused", response)).toBe(expected);
  });

  it("says nothing for a decision Shopify did not refuse, or a record that holds no refusal", () => {
    expect(shopifyAnswerOf("succeeded", { message: "ok" })).toBeNull();
    expect(shopifyAnswerOf("refused", "{not json")).toBeNull();
    expect(shopifyAnswerOf("refused", null)).toBeNull();
  });
});

describe("a shop's day", () => {
  it.each([
    ["UTC", "2026-11-02", "2026-11-02T00:00:00.000Z", "2026-11-03T00:00:00.000Z"],
    ["America/New_York", "2026-11-02", "2026-11-02T05:00:00.000Z", "2026-11-03T05:00:00.000Z"],
    // The day daylight saving time starts is 23 hours long; the day it ends, 25.
    ["America/New_York", "2026-03-08", "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"],
    ["America/New_York", "2026-11-01", "2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"],
    ["Asia/Kolkata", "2026-11-02", "2026-11-01T18:30:00.000Z", "2026-11-02T18:30:00.000Z"],
  ])("in %s, %s runs from %s to %s", (zone, day, start, end) => {
    expect(startOfDayIn(day, zone).toISOString()).toBe(start);
    expect(endOfDayIn(day, zone).toISOString()).toBe(end);
  });
});
