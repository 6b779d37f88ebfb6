import { Link as RemixLink } from "@remix-run/react";
import { Badge, BlockStack, Card, IndexTable, Text } from "@shopify/polaris";
import type { DecisionRow } from "~/automation/activity-views";
import { useShopFormat } from "~/components/shop-format-context";
import { fulfillmentOrderPath } from "~/fulfillment/detail/derive";
import { en } from "~/i18n/en";

const t = en.automation.activity;

type Tone = "success" | "info" | "attention" | "warning" | "critical" | undefined;

const OUTCOME_TONES: Record<string, Tone> = {
  request: "success",
  partial_request: "success",
  delay: "info",
  wait: "info",
  hold: "attention",
  release_hold: "info",
  skip: undefined,
};

interface ActivityTableProps {
  rows: DecisionRow[];
  filtered: boolean;
  loading: boolean;
  hasNext: boolean;
  hasPrevious: boolean;
  onNext: () => void;
  onPrevious: () => void;
}

/** The decisions, newest first: when, which order, what was decided, by which rule, and why. */
export function ActivityTable({ rows, filtered, loading, ...pagination }: ActivityTableProps) {
  const { dateTime } = useShopFormat();
  const c = t.columns;
  return (
    <Card padding="0">
      <IndexTable
        resourceName={t.resourceName}
        itemCount={rows.length}
        selectable={false}
        loading={loading}
        headings={[{ title: c.time }, { title: c.order }, { title: c.outcome }, { title: c.rule }, { title: c.reason }]}
        emptyState={
          <Text as="p" alignment="center" tone="subdued">
            {filtered ? t.emptyFiltered : t.empty}
          </Text>
        }
        pagination={pagination}
      >
        {rows.map((row, index) => (
          <IndexTable.Row id={row.id} key={row.id} position={index}>
            <IndexTable.Cell>{dateTime(row.createdAt)}</IndexTable.Cell>
            <IndexTable.Cell>
              <RemixLink to={fulfillmentOrderPath(row.fulfillmentOrderId)}>
                <Text as="span" fontWeight="semibold">
                  {row.orderName || row.fulfillmentOrderId}
                </Text>
              </RemixLink>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <BlockStack gap="100" inlineAlign="start">
                <Badge tone={OUTCOME_TONES[row.outcome]}>{t.outcomes[row.outcome] ?? row.outcome}</Badge>
                <Text as="span" variant="bodySm" tone={row.status === "refused" ? "critical" : "subdued"}>
                  {t.statuses[row.status] ?? row.status}
                </Text>
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {row.ruleName ? t.ruleVersion(row.ruleName, row.ruleVersion) : t.defaults}
            </IndexTable.Cell>
            <IndexTable.Cell>
              {/* IndexTable keeps cells on one line; a reason wraps instead of running off the card. */}
              <div style={{ whiteSpace: "normal", minWidth: "16rem" }}>
                <BlockStack gap="100">
                  <Text as="span" breakWord>
                    {row.reason}
                  </Text>
                  {row.shopifyAnswer && (
                    <Text as="span" tone="critical" breakWord>
                      {t.shopifyAnswer(row.shopifyAnswer)}
                    </Text>
                  )}
                </BlockStack>
              </div>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
