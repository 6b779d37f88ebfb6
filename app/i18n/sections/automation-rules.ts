// Why automation did or did not act on an FO (the one line on its detail page and in the feed),
// and why a rule set was refused (next to the field). Part of app/i18n/en.ts.

const minutes = (n: number) => (n === 1 ? "1 min" : `${n} min`);

export const automationRules = {
  reasons: {
    orderCancelled: "Order cancelled",
    alreadyRequested: "Already requested",
    requestCancelled: "The request was cancelled: request it again by hand if you still want it",
    rejected: "Rejected by the fulfillment service: fix it in the rejection inbox and resubmit",
    closedByService: "Closed by the fulfillment service: fix it in the rejection inbox and resubmit",
    closed: "Closed",
    cancelled: "Fulfillment order cancelled",
    scheduled: "Scheduled: automation looks again when it opens",
    inProgress: "Already in progress",
    incomplete: "Closed as incomplete by the fulfillment service: fix it in the rejection inbox and resubmit",
    otherStatus: (status: string) => `Not open (${status})`,
    localPickup: "Local pickup is never automatic",
    postPurchaseOffer: (sinceMinutes: number | null) =>
      sinceMinutes === null
        ? "Waiting: post-purchase offer open"
        : `Waiting: post-purchase offer open (hold placed ${minutes(sinceMinutes)} ago)`,
    onHold: (reason: string | null, byApp: string | null) =>
      `Waiting: on hold${reason ? ` (${reason})` : ""}${byApp ? ` by ${byApp}` : ""}`,
    highRisk: "High risk of fraud: held for review",
    holdUntilReached: "Hold-until time reached: releasing this app's hold",
    noRuleMatched: "No rule matched",
    ruleSkip: (rule: string) => `Skipped by rule "${rule}"`,
    ruleHold: (rule: string) => `Held by rule "${rule}"`,
    waitingPayment: (status: string | null) => `Waiting: payment (${status ?? "unknown"})`,
    delayed: (rule: string, inMinutes: number) => `Delayed by rule "${rule}": requests in ${minutes(inMinutes)}`,
    quietPeriod: (editedMinutesAgo: number, inMinutes: number) =>
      `Waiting: order edited ${minutes(editedMinutesAgo)} ago (settles in ${minutes(inMinutes)})`,
    upsellEdit: (inMinutes: number) =>
      `Waiting: the buyer accepted the post-purchase offer; waiting for Shopify's order edit (at most ${minutes(inMinutes)})`,
    notFulfillmentService: (location: string) =>
      `${location} is not a fulfillment service: only a 3PL's FOs can be requested`,
    requestNotSupported: "Shopify does not allow a fulfillment request on this FO right now (no REQUEST_FULFILLMENT)",
    onlyPreOrderLines: "Only pre-order lines",
    noMatchingLines: "No matching lines",
    nothingRemaining: "Nothing left to request",
    request: (rule: string) => `Requested by rule "${rule}"`,
    partialRequest: (rule: string, lines: number, of: number) => `Requested ${lines} of ${of} lines by rule "${rule}"`,
    unknownLocation: "This location",
  },
  errors: {
    shape: {
      ruleId: "Use 1 to 40 lowercase letters, digits or dashes.",
      locationId: "Not a location: choose one from the list.",
      countryCode: "Use a two-letter country code in capitals, like CA.",
      regionCode: "Use a country code, a dash and a region code, like CA-ON.",
    },
    emptyList: "Choose at least one: an empty list never matches.",
    emptyTagsNone: "List at least one tag: an empty list excludes nothing.",
    minAboveMax: "The minimum is above the maximum: nothing can match.",
    regionOutsideCountries: (region: string) =>
      `${region} is not in one of the chosen countries: the region can never match.`,
    pickupOnly: "Local pickup is never automatic: rules never see pickup orders, so this rule can never match.",
    highRiskOnly:
      "High-risk orders get the default fraud hold before any rule sees them, so this rule could only act once someone releases that hold. Turn the default off to handle them with a rule.",
    noPaidStatus:
      "None of these statuses is paid and the action does not allow unpaid requests: the rule would wait for payment forever.",
    disjoint: "No value in common with another condition of the same kind in this rule: the rule can never match.",
    tagAnyAndNone: "Every tag here is also excluded by an order-tag “none” condition: the rule can never match.",
    matchingLinesWithoutLineCondition:
      "“Only the matching lines” needs a line condition (SKU, product tag or vendor) to pick the lines.",
    duplicateId: (id: string) => `Another rule already has the id “${id}”.`,
    unreachable: (earlier: string) =>
      `Rule “${earlier}” above has no conditions and matches every order first, so this rule is never reached.`,
    sameConditions: (earlier: string) =>
      `Rule “${earlier}” above has the same conditions and always matches first, so this rule is never reached.`,
  },
} as const;
