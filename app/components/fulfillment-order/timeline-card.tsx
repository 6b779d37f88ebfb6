import { BlockStack, Box, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { holdReasonLabel } from "~/components/labels";
import { useShopFormat } from "~/components/shop-format-context";
import { humanizeEnum } from "~/components/status-badge";
import type { FulfillmentOrderEventView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";

const t = en.fulfillmentOrder.timeline;

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

/** The FO's observed transitions, newest first: what changed, from → to, who or what told us. */
export function TimelineCard({ events }: { events: FulfillmentOrderEventView[] }) {
  const { dateTime } = useShopFormat();
  const show = (kind: string, value: string | null) => readable(kind, value, dateTime);
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
                    {event.kind === "created" || event.fromValue === null
                      ? show(event.kind, event.toValue)
                      : `${show(event.kind, event.fromValue)} → ${show(event.kind, event.toValue)}`}
                  </Text>
                </InlineStack>
                <Text as="span" variant="bodySm" tone="subdued">
                  {[dateTime(event.at), t.source[event.source] ?? event.source, event.actor ? t.by(event.actor) : null]
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
