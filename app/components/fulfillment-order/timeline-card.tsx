import { BlockStack, Box, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { humanizeEnum } from "~/components/status-badge";
import { formatDateTime } from "~/fulfillment/detail/derive";
import type { FulfillmentOrderEventView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";

const t = en.fulfillmentOrder.timeline;

/** Enum values as the admin shows them; the holds' "A, B" lists one by one. */
const show = (value: string | null) =>
  value === null || value === ""
    ? t.none
    : value
        .split(", ")
        .map((part) => (/^[A-Z_]+$/.test(part) ? humanizeEnum(part) : part))
        .join(", ");

/** The FO's observed transitions, newest first: what changed, from → to, who or what told us. */
export function TimelineCard({ events }: { events: FulfillmentOrderEventView[] }) {
  return (
    <SectionCard heading={t.heading} empty={events.length === 0 ? t.empty : null}>
      <ol aria-label={t.heading} style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {events.map((event) => (
          <li key={event.id}>
            <Box paddingBlock="200" borderBlockEndWidth="025" borderColor="border-secondary">
              <BlockStack gap="050">
                <InlineStack gap="200" wrap>
                  <Text as="span" fontWeight="semibold">
                    {t.kind[event.kind] ?? humanizeEnum(event.kind)}
                  </Text>
                  <Text as="span">
                    {event.kind === "created"
                      ? show(event.toValue)
                      : `${show(event.fromValue)} → ${show(event.toValue)}`}
                  </Text>
                </InlineStack>
                <Text as="span" variant="bodySm" tone="subdued">
                  {[
                    formatDateTime(event.at),
                    t.source[event.source] ?? event.source,
                    event.actor ? t.by(event.actor) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </BlockStack>
            </Box>
          </li>
        ))}
      </ol>
    </SectionCard>
  );
}
