// One cause in the rejection inbox: the reason (and the lines the 3PL named), how many FOs it
// holds back, and those FOs as a selectable table to resubmit one by one or together. Props in,
// events out.
import { Link as RemixLink } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  IndexTable,
  InlineStack,
  List,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { type ReactNode, useEffect } from "react";
import { rejectionReasonLabel } from "~/components/labels";
import { detailPath, formatAge } from "~/components/worklist/format";
import type { RejectedFulfillmentOrder, RejectionGroup } from "~/fulfillment/rejections/grouping";
import { en } from "~/i18n/en";

const t = en.rejections;

/**
 * The order in Shopify admin, opened through App Bridge's `shopify:` protocol (the embedded app
 * navigates the admin, not its own frame).
 * https://shopify.dev/docs/api/app-home/apis/navigation
 */
const adminOrderUrl = (orderGid: string) => `shopify://admin/orders/${orderGid.slice(orderGid.lastIndexOf("/") + 1)}`;

const groupHeading = (group: Pick<RejectionGroup, "kind" | "reason">) =>
  group.kind === "incomplete"
    ? t.group.incomplete
    : group.reason
      ? rejectionReasonLabel(group.reason)
      : t.group.noReason;

interface RejectionGroupCardProps {
  group: RejectionGroup;
  now: string;
  /** FOs being resubmitted right now. */
  pending: ReadonlySet<string>;
  /** A resubmission is running: buttons wait. */
  busy: boolean;
  loading: boolean;
  onResubmit: (rows: RejectedFulfillmentOrder[]) => void;
  /** Hands the FOs back to automation, which decides them again by the rules (the merchant fixed them). */
  onAutomation: (rows: RejectedFulfillmentOrder[]) => void;
}

/** Stops a click inside a row from also toggling its checkbox. */
const Inert = ({ children }: { children: ReactNode }) => (
  <span onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()} role="presentation">
    {children}
  </span>
);

export function RejectionGroupCard({
  group,
  now,
  pending,
  busy,
  loading,
  onResubmit,
  onAutomation,
}: RejectionGroupCardProps) {
  const { rows } = group;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    rows as unknown as { [key: string]: unknown }[],
  );
  // Resubmitted rows leave the group: a selection of the old list means nothing.
  const rowKey = rows.map((row) => row.id).join(",");
  useEffect(() => clearSelection(), [rowKey, clearSelection]);
  const selected = rows.filter((row) => allResourcesSelected || selectedResources.includes(row.id));
  const heading = groupHeading(group);
  const c = t.columns;

  return (
    <Card padding="0">
      <section aria-label={heading} data-rejection-group={group.key}>
        <BlockStack gap="200">
          <div style={{ padding: "var(--p-space-400) var(--p-space-400) 0" }}>
            <BlockStack gap="200">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  {heading}
                </Text>
                <Badge tone="critical">{t.group.count(rows.length)}</Badge>
              </InlineStack>
              {group.warnings.length > 0 && (
                <BlockStack gap="100">
                  <Text as="p" variant="bodySm" tone="subdued">
                    {t.group.warningsHeading}
                  </Text>
                  <List type="bullet">
                    {group.warnings.map((warning) => (
                      <List.Item key={warning}>{warning}</List.Item>
                    ))}
                  </List>
                </BlockStack>
              )}
            </BlockStack>
          </div>
          <IndexTable
            resourceName={t.resourceName}
            itemCount={rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            loading={loading}
            promotedBulkActions={[
              { content: t.resubmitSelected(selected.length), disabled: busy, onAction: () => onResubmit(selected) },
              {
                content: t.automationSelected(selected.length),
                disabled: busy,
                onAction: () => onAutomation(selected),
              },
            ]}
            headings={[
              { title: c.order },
              { title: c.location },
              { title: c.returned },
              { title: c.message },
              { title: c.actions, alignment: "end" },
            ]}
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)}>
                <IndexTable.Cell>
                  <Inert>
                    <RemixLink to={detailPath(row.id)}>
                      <Text as="span" fontWeight="semibold">
                        {row.orderName}
                      </Text>
                    </RemixLink>
                  </Inert>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.locationName ?? t.noLocation}</IndexTable.Cell>
                <IndexTable.Cell>{t.returnedAgo(formatAge(row.shopifyUpdatedAt, now))}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" variant="bodySm" tone={row.message ? undefined : "subdued"} breakWord>
                    {row.message ?? t.noMessage}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Inert>
                    <InlineStack align="end">
                      <ButtonGroup>
                        <Button url={detailPath(row.id)} size="slim">
                          {t.fix}
                        </Button>
                        <Button url={adminOrderUrl(row.orderShopifyId)} target="_top" size="slim" variant="plain">
                          {t.editInShopify}
                        </Button>
                        <Button
                          size="slim"
                          variant="primary"
                          loading={pending.has(row.id)}
                          disabled={busy}
                          accessibilityLabel={`${t.resubmit} ${row.orderName}`}
                          onClick={() => onResubmit([row])}
                        >
                          {t.resubmit}
                        </Button>
                      </ButtonGroup>
                    </InlineStack>
                  </Inert>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </BlockStack>
      </section>
    </Card>
  );
}
