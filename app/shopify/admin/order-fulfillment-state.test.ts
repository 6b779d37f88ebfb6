import { describe, expect, it } from "vitest";
import { isThirdParty } from "./order-fulfillment-state.server";

const actions = (...names: string[]) => names.map((action) => ({ action }));
const at = (isFulfillmentService: boolean | null) => ({
  location: isFulfillmentService === null ? null : { isFulfillmentService },
});

describe("isThirdParty", () => {
  it.each([
    // The location says so, whatever Shopify allows right now (a held 3PL FO offers only RELEASE_HOLD)
    [at(true), actions("RELEASE_HOLD"), "UNSUBMITTED", true],
    [at(false), actions("CREATE_FULFILLMENT", "HOLD"), "UNSUBMITTED", false],
    // A deleted location: what Shopify allows tells
    [at(null), actions("CREATE_FULFILLMENT", "HOLD"), "UNSUBMITTED", false],
    [at(null), actions("REQUEST_FULFILLMENT", "HOLD"), "UNSUBMITTED", true],
    [at(null), actions("CANCEL_FULFILLMENT_ORDER"), "SUBMITTED", true],
    [at(null), actions("RELEASE_HOLD", "HOLD", "MOVE"), "UNSUBMITTED", false],
  ])("%j with %j and request status %s → %s", (assignedLocation, supportedActions, requestStatus, expected) => {
    expect(isThirdParty({ assignedLocation, supportedActions, requestStatus })).toBe(expected);
  });
});
