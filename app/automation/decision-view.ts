// What the FO page shows of automation: its state for the shop and the decisions recorded for
// the FO, as the loader shapes them from AutomationDecision rows. Pure: the UI may import it.

/** One recorded decision, as the FO page shows it. */
export interface AutomationDecisionView {
  id: string;
  /** request | partial_request | delay | hold | release_hold | skip | wait */
  outcome: string;
  /** decided | submitting | succeeded | refused | uncertain | not_sent */
  status: string;
  /** One line for the merchant: why automation did or did not act. */
  reason: string;
  /** Null when the built-in defaults decided. */
  ruleName: string | null;
  ruleVersion: number | null;
  at: string;
  /** Shopify's answer in one line when it refused the mutation; null otherwise. */
  refusal: string | null;
}

export interface AutomationView {
  /** off: not enabled for the shop; paused: enabled, paused (nothing is sent); on. */
  state: "off" | "paused" | "on";
  latest: AutomationDecisionView | null;
  /** Newest first, for the FO's timeline. */
  decisions: AutomationDecisionView[];
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/**
 * Shopify's answer to a refused mutation, from the decision's `response` JSON (the runtime
 * records "Shopify's answer or userErrors"): the userErrors' messages, or a message. Read
 * defensively: anything else is no answer to show.
 */
export function refusalOf(status: string, value: unknown): string | null {
  if (status !== "refused" || value === null) return null;
  if (typeof value !== "object") return text(value)?.slice(0, 500) ?? null;
  const { userErrors, message } = value as { userErrors?: unknown; message?: unknown };
  if (Array.isArray(userErrors)) {
    const messages = userErrors.flatMap((e) => text((e as { message?: unknown } | null)?.message) ?? []);
    if (messages.length > 0) return messages.join(" ").slice(0, 500);
  }
  return text(message)?.slice(0, 500) ?? null;
}
