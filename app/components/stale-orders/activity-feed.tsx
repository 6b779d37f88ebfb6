import { BlockStack, Card, Text } from "@shopify/polaris";
import { en } from "~/i18n/en";
import { useShopFormat } from "~/components/shop-format-context";
import type { AuditEventView } from "~/stale-orders/views";

const t = en.staleOrders.activity;

function summary(event: AuditEventView): string {
  const d = event.detail;
  if (event.action === "stale-orders.run-started" && typeof d.orders === "number" && typeof d.units === "number") {
    const trigger = d.trigger === "scheduled" ? " (daily schedule)" : "";
    return `${d.orders} orders, ${d.units} units${trigger}`;
  }
  if (event.action === "stale-orders.run-finished")
    return en.staleOrders.run.counts({
      cancelled: Number(d.cancelled ?? 0),
      skipped: Number(d.skipped ?? 0),
      failed: Number(d.failed ?? 0),
    });
  if (event.action === "stale-orders.run-failed" && typeof d.reason === "string") {
    return en.staleOrders.run.failureReasons[d.reason] ?? d.reason;
  }
  if (typeof d.outcome === "string") {
    return (
      (en.staleOrders.exclusion as Record<string, string>)[d.outcome] ??
      en.staleOrders.skipped[d.outcome] ??
      en.staleOrders.notCancelled[d.outcome] ??
      d.outcome
    );
  }
  return "";
}

/** Who did what and when: the audit trail of policy changes and runs, newest first. */
export function ActivityFeed({ events }: { events: AuditEventView[] }) {
  const { dateTime } = useShopFormat();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.heading}
        </Text>
        {events.length === 0 ? (
          <Text as="p">{t.empty}</Text>
        ) : (
          <BlockStack gap="200" as="ul">
            {events.map((event) => (
              <BlockStack gap="050" as="li" key={event.id}>
                <Text as="p" fontWeight="semibold">
                  {t.actions[event.action] ?? event.action}
                  {event.subject && !event.action.includes("run-") ? ` ${event.subject}` : ""}
                </Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {dateTime(event.at)} · {t.byActor(event.actor)}
                  {summary(event) ? ` · ${summary(event)}` : ""}
                </Text>
              </BlockStack>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
