// The simulator's list: each FO with the decision it would get, a page at a time.
import { Link as RemixLink } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, DataTable, InlineStack, Pagination, Text } from "@shopify/polaris";
import type { DryRunRow } from "~/automation/dry-run/summary";
import { useShopFormat } from "~/components/shop-format-context";
import { detailPath } from "~/components/worklist/format";
import { en } from "~/i18n/en";

const t = en.automationDryRun;

interface Props {
  rows: DryRunRow[];
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  loading: boolean;
}

export function DryRunList({ rows, hasPrevious, hasNext, onPrevious, onNext, loading }: Props) {
  const format = useShopFormat();
  return (
    <Card padding="0">
      <BlockStack gap="200">
        <Box padding="400" paddingBlockEnd="0">
          <Text as="h2" variant="headingMd">
            {t.listHeading}
          </Text>
        </Box>
        <DataTable
          columnContentTypes={["text", "text", "text", "text", "text", "text"]}
          headings={[
            t.columns.order,
            t.columns.location,
            t.columns.opened,
            t.columns.decision,
            t.columns.rule,
            t.columns.reason,
          ]}
          rows={rows.map((row) => [
            <RemixLink key={row.fulfillmentOrderId} to={detailPath(row.fulfillmentOrderId)}>
              {row.orderName}
            </RemixLink>,
            row.moved ? `${row.locationName ?? ""} (${t.movedSince})` : (row.locationName ?? ""),
            format.dateTime(row.openedAt),
            <Badge key="kind" tone={row.kind === "request" || row.kind === "partial_request" ? "success" : undefined}>
              {row.lines ? `${t.outcome[row.kind]} · ${t.partialLines(row.lines.length)}` : t.outcome[row.kind]}
            </Badge>,
            row.ruleName ?? t.defaultsOnly,
            row.reason,
          ])}
        />
        <Box padding="400">
          <InlineStack align="center">
            <Pagination
              hasPrevious={hasPrevious && !loading}
              hasNext={hasNext && !loading}
              onPrevious={onPrevious}
              onNext={onNext}
              previousTooltip={t.previous}
              nextTooltip={t.next}
            />
          </InlineStack>
        </Box>
      </BlockStack>
    </Card>
  );
}
