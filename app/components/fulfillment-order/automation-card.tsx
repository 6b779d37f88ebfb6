// The FO page's one line on automation: why it did or did not act on this FO (its latest
// decision), that it is paused, or that it is off. Nothing while it is on and has not looked
// at this FO yet. Props in.
import { BlockStack, Card, Text } from "@shopify/polaris";
import type { AutomationView } from "~/automation/decision-view";
import { formatAge } from "~/fulfillment/detail/derive";
import { en } from "~/i18n/en";

const t = en.fulfillmentOrder.automation;

export function AutomationCard({ automation, now }: { automation: AutomationView; now: Date }) {
  const { state, latest } = automation;
  if (state === "on" && !latest) return null;
  return (
    <Card>
      <section aria-label={t.heading}>
        <BlockStack gap="100">
          {latest ? (
            <>
              <Text as="p" fontWeight="semibold">
                {t.line(latest.reason)}
              </Text>
              <Text as="p" variant="bodySm" tone="subdued">
                {[
                  latest.ruleName ? t.rule(latest.ruleName, latest.ruleVersion) : t.defaults,
                  t.outcome[latest.outcome] ?? latest.outcome,
                  t.status[latest.status] ?? latest.status,
                  t.decidedAgo(formatAge(latest.at, now)),
                ].join(" · ")}
              </Text>
              {latest.refusal && (
                <Text as="p" variant="bodySm" tone="critical">
                  {t.refusal(latest.refusal)}
                </Text>
              )}
            </>
          ) : null}
          {state !== "on" && (
            <Text as="p" tone={latest ? "subdued" : undefined}>
              {state === "off" ? t.off : t.paused}
            </Text>
          )}
        </BlockStack>
      </section>
    </Card>
  );
}
