import { describe, expect, it } from "vitest";
import { cancellationOf, formatAge, fulfillmentOrderPath, isOurHold, shortId, toHoldViews } from "./derive";
import type { FulfillmentOrderEventView } from "./types";

const event = (at: string, fromValue: string | null, toValue: string | null, kind = "request_status") =>
  ({ id: at, kind, fromValue, toValue, source: "webhook", actor: null, at }) satisfies FulfillmentOrderEventView;

describe("holds", () => {
  it("marks a hold ours when Shopify says the requesting app placed it or it carries our handle", () => {
    expect(isOurHold({ heldByRequestingApp: true, handle: null })).toBe(true);
    expect(isOurHold({ heldByRequestingApp: false, handle: "fulfillment-desk-abc" })).toBe(true);
    expect(isOurHold({ heldByRequestingApp: false, handle: "fraud-filter" })).toBe(false);
  });

  it("keeps when each hold was first seen and which app holds it", () => {
    const stored = [
      {
        id: "gid://shopify/FulfillmentHold/1",
        reason: "OTHER",
        reasonNotes: "check",
        handle: null,
        heldByAppId: "gid://shopify/App/9",
        heldByAppTitle: "Fraud Filter",
        heldByRequestingApp: false,
        firstSeenAt: "2026-11-20T10:00:00.000Z",
      },
    ];

    expect(toHoldViews(stored, "2026-11-22T00:00:00.000Z")).toEqual([
      {
        id: "gid://shopify/FulfillmentHold/1",
        reason: "OTHER",
        reasonNotes: "check",
        heldByUs: false,
        heldByAppTitle: "Fraud Filter",
        firstSeenAt: "2026-11-20T10:00:00.000Z",
      },
    ]);
  });
});

describe("cancellationOf", () => {
  it("is null when no cancellation was ever requested", () => {
    expect(cancellationOf([event("2026-11-20T10:00:00Z", "UNSUBMITTED", "SUBMITTED")])).toBeNull();
  });

  it("is pending from the moment the request status became CANCELLATION_REQUESTED", () => {
    const events = [
      event("2026-11-20T11:00:00Z", "ACCEPTED", "CANCELLATION_REQUESTED"),
      event("2026-11-20T10:00:00Z", "SUBMITTED", "ACCEPTED"),
    ];
    expect(cancellationOf(events)).toEqual({ requestedAt: "2026-11-20T11:00:00Z", answer: null });
  });

  it.each(["CANCELLATION_ACCEPTED", "CANCELLATION_REJECTED"])("reads the service's answer %s", (answer) => {
    const events = [
      event("2026-11-20T11:00:00Z", "ACCEPTED", "CANCELLATION_REQUESTED"),
      event("2026-11-20T12:00:00Z", "CANCELLATION_REQUESTED", answer),
    ];
    expect(cancellationOf(events)?.answer).toEqual({ status: answer, at: "2026-11-20T12:00:00Z" });
  });
});

describe("formatting", () => {
  const now = new Date("2026-11-22T12:00:00.000Z");
  it.each([
    ["2026-11-22T11:59:30.000Z", "< 1 min"],
    ["2026-11-22T11:15:00.000Z", "45 min"],
    ["2026-11-22T07:00:00.000Z", "5 h"],
    ["2026-11-19T12:00:00.000Z", "3 d"],
  ])("shows the age since %s as %s", (from, age) => {
    expect(formatAge(from, now)).toBe(age);
  });

  it("links an FO by its URL-encoded GID", () => {
    expect(fulfillmentOrderPath("gid://shopify/FulfillmentOrder/42")).toBe(
      "/app/fulfillment-orders/gid%3A%2F%2Fshopify%2FFulfillmentOrder%2F42",
    );
    expect(shortId("gid://shopify/FulfillmentOrder/42")).toBe("#42");
  });
});
