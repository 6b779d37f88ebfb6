// The worklist's rows as a Polaris IndexTable: selectable for the bulk actions, each order name a
// Remix Link to the FO's detail page, cursor pagination, and an empty state that says what to
// do next in this tab. Props in, events out.
import { Link as RemixLink } from "@remix-run/react";
import {
  BlockStack,
  EmptyState,
  IndexTable,
  InlineStack,
  Text,
  useIndexResourceState,
  type IndexTableProps,
} from "@shopify/polaris";
import { useEffect } from "react";
import { holdReasonLabel, rejectionSummary } from "~/components/labels";
import { humanizeEnum, StatusBadge } from "~/components/status-badge";
import type { BulkIntentName } from "~/fulfillment/worklist/bulk-intent";
import type { WorklistTab } from "~/fulfillment/worklist/tabs";
import type { WorklistRow } from "~/fulfillment/worklist/types";
import { en } from "~/i18n/en";
import { detailPath, formatAge } from "./format";

const t = en.worklist;

export interface WorklistTableProps {
  tab: WorklistTab;
  rows: WorklistRow[];
  now: string;
  filtered: boolean;
  loading: boolean;
  hasNext: boolean;
  hasPrevious: boolean;
  onNext: () => void;
  onPrevious: () => void;
  onClearFilters: () => void;
  /** The selected rows and the bulk action the merchant chose. */
  onBulkAction: (intent: BulkIntentName, rows: WorklistRow[]) => void;
  /** A bulk action is running: selection stays, buttons wait. */
  busy: boolean;
}

/** Which bulk actions make sense in a tab (others would only be skipped row by row). */
export function bulkActionsFor(tab: WorklistTab): BulkIntentName[] {
  switch (tab) {
    case "to-request":
    case "rejected":
      return ["bulk-request-fulfillment", "bulk-hold"];
    case "ready-to-ship":
    case "local-pickup":
      return ["bulk-hold"];
    case "on-hold":
      return ["bulk-release-holds"];
    case "all":
      return ["bulk-request-fulfillment", "bulk-hold", "bulk-release-holds"];
    default:
      return [];
  }
}

const BULK_LABEL: Record<BulkIntentName, string> = {
  "bulk-request-fulfillment": t.bulk.request,
  "bulk-hold": t.bulk.hold,
  "bulk-release-holds": t.bulk.release,
};

/** The status badges, hold reasons and the 3PL's rejection of one row. */
export function StatusCell({ row }: { row: WorklistRow }) {
  return (
    <BlockStack gap="100">
      <InlineStack gap="100" wrap={false}>
        <StatusBadge value={row.status} />
        {row.requestStatus !== "UNSUBMITTED" && <StatusBadge value={row.requestStatus} />}
      </InlineStack>
      {row.holdReasons.length > 0 && (
        <Text as="span" variant="bodySm" tone="caution">
          {t.onHold(row.holdReasons.map(holdReasonLabel).join(", "))}
        </Text>
      )}
      {row.rejection && (
        <Text as="span" variant="bodySm" tone="critical">
          {rejectionSummary(row.rejection)}
        </Text>
      )}
    </BlockStack>
  );
}

export function WorklistTable(props: WorklistTableProps) {
  const { tab, rows, now, filtered, loading, busy } = props;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    rows as unknown as { [key: string]: unknown }[],
  );

  // A new page, tab or filter is a new list: what was selected on the old one is gone.
  const rowKey = rows.map((row) => row.id).join(",");
  useEffect(() => clearSelection(), [rowKey, clearSelection]);

  if (rows.length === 0) {
    const empty = filtered ? t.emptyFiltered : t.empty[tab];
    return (
      <EmptyState
        heading={empty.heading}
        image=""
        action={filtered ? { content: t.emptyFiltered.clear, onAction: props.onClearFilters } : undefined}
      >
        <p>{empty.body}</p>
      </EmptyState>
    );
  }

  const selected = rows.filter((row) => allResourcesSelected || selectedResources.includes(row.id));
  const promotedBulkActions: IndexTableProps["promotedBulkActions"] = bulkActionsFor(tab).map((intent) => ({
    content: BULK_LABEL[intent],
    disabled: busy,
    onAction: () => props.onBulkAction(intent, selected),
  }));
  const c = t.columns;

  return (
    <IndexTable
      resourceName={t.resourceName}
      itemCount={rows.length}
      selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
      onSelectionChange={handleSelectionChange}
      selectable={promotedBulkActions.length > 0}
      promotedBulkActions={promotedBulkActions}
      loading={loading}
      headings={[
        { title: c.order },
        { title: c.customer },
        { title: c.location },
        { title: c.delivery },
        { title: c.status },
        { title: c.payment },
        { title: c.tags },
        { title: c.age, alignment: "end" },
      ]}
      pagination={{
        hasNext: props.hasNext,
        hasPrevious: props.hasPrevious,
        onNext: props.onNext,
        onPrevious: props.onPrevious,
      }}
    >
      {rows.map((row, index) => (
        <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)}>
          <IndexTable.Cell>
            {/* Following the link must not also toggle the row's checkbox. */}
            <span
              onClick={(event) => event.stopPropagation()}
              onKeyDown={(event) => event.stopPropagation()}
              role="presentation"
            >
              <RemixLink to={detailPath(row.id)}>
                <Text as="span" fontWeight="semibold">
                  {row.orderName}
                </Text>
              </RemixLink>
            </span>
          </IndexTable.Cell>
          <IndexTable.Cell>{row.customerName ?? t.noCustomer}</IndexTable.Cell>
          <IndexTable.Cell>{row.locationName ?? t.noLocation}</IndexTable.Cell>
          <IndexTable.Cell>{row.deliveryMethod ? humanizeEnum(row.deliveryMethod) : "—"}</IndexTable.Cell>
          <IndexTable.Cell>
            <StatusCell row={row} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            <StatusBadge value={row.financialStatus} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" variant="bodySm">
              {row.tags.join(", ")}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="p" alignment="end" numeric>
              {formatAge(row.openedAt, now)}
            </Text>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
