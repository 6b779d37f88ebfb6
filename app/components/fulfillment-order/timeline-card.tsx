import { BlockStack, Box, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { holdReasonLabel } from "~/components/labels";
import { useShopFormat } from "~/components/shop-format-context";
import { humanizeEnum } from "~/components/status-badge";
import type { AutomationDecisionView } from "~/automation/decision-view";
import type { FulfillmentOrderEventView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";

const t = en.fulfillmentOrder.timeline;
const a = en.fulfillmentOrder.automation;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A recorded value as the merchant reads it: hold reasons with the holds card's labels (the
 * holds' "A, B" lists one by one), enum values as the admin shows them, moments in the shop's
 * time zone, never a raw timestamp.
 */
function readable(kind: string, value: string | null, dateTime: (iso: string) => string): string {
  if (value === null || value === "") return t.none;
  if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return dateTime(value);
  return value
    .split(", ")
    .map((part) => (!/^[A-Z_]+$/.test(part) ? part : kind === "holds" ? holdReasonLabel(part) : humanizeEnum(part)))
    .join(", ");
}

type Entry = { at: string; event: FulfillmentOrderEventView } | { at: string; decision: AutomationDecisionView };

/**
 * Events and decisions in one list, newest first. On a tie the event shows above the decision:
 * what a decision caused comes after it.
 */
function interleave(events: FulfillmentOrderEventView[], decisions: AutomationDecisionView[]): Entry[] {
  const entries: Entry[] = [
    ...events.map((event) => ({ at: event.at, event })),
    ...decisions.map((decision) => ({ at: decision.at, decision })),
  ];
  return entries.sort((x, y) => Date.parse(y.at) - Date.parse(x.at));
}

/** What automation decided, by which rule, and Shopify's answer when it refused. */
function decisionText(decision: AutomationDecisionView): string {
  const rule = decision.ruleName ? a.rule(decision.ruleName, decision.ruleVersion) : a.defaults;
  const outcome = `${a.outcome[decision.outcome] ?? decision.outcome} (${a.status[decision.status] ?? decision.status})`;
  return [rule, outcome, decision.refusal ? a.refusal(decision.refusal) : null].filter(Boolean).join(" · ");
}

/**
 * The FO's observed transitions and automation's decisions, newest first: what changed, from →
 * to, who or what told us; what automation decided and why.
 */
export function TimelineCard({
  events,
  decisions = [],
}: {
  events: FulfillmentOrderEventView[];
  decisions?: AutomationDecisionView[];
}) {
  const { dateTime } = useShopFormat();
  const show = (kind: string, value: string | null) => readable(kind, value, dateTime);
  const entries = interleave(events, decisions);
  return (
    <SectionCard heading={t.heading} empty={entries.length === 0 ? t.empty : null}>
      <ol aria-label={t.heading} style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {entries.map((entry) =>
          "decision" in entry ? (
            <li key={`decision-${entry.decision.id}`} data-timeline-source="automation">
              <Box paddingBlock="200" borderBlockEndWidth="025" borderColor="border-secondary">
                <BlockStack gap="050">
                  <InlineStack gap="200" wrap>
                    <Text as="span" fontWeight="semibold">
                      {t.kind.automation}
                    </Text>
                    <Text as="span">{decisionText(entry.decision)}</Text>
                  </InlineStack>
                  <Text as="span" variant="bodySm">
                    {entry.decision.reason}
                  </Text>
                  <Text as="span" variant="bodySm" tone="subdued">
                    {[dateTime(entry.decision.at), t.source.automation].join(" · ")}
                  </Text>
                </BlockStack>
              </Box>
            </li>
          ) : (
            <li key={entry.event.id}>
              <Box paddingBlock="200" borderBlockEndWidth="025" borderColor="border-secondary">
                <BlockStack gap="050">
                  <InlineStack gap="200" wrap>
                    <Text as="span" fontWeight="semibold">
                      {t.kind[entry.event.kind] ?? humanizeEnum(entry.event.kind)}
                    </Text>
                    <Text as="span">
                      {entry.event.kind === "created" || entry.event.fromValue === null
                        ? show(entry.event.kind, entry.event.toValue)
                        : `${show(entry.event.kind, entry.event.fromValue)} → ${show(entry.event.kind, entry.event.toValue)}`}
                    </Text>
                  </InlineStack>
                  <Text as="span" variant="bodySm" tone="subdued">
                    {[
                      dateTime(entry.event.at),
                      t.source[entry.event.source] ?? entry.event.source,
                      entry.event.actor ? t.by(entry.event.actor) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                </BlockStack>
              </Box>
            </li>
          ),
        )}
      </ol>
    </SectionCard>
  );
}
