import {
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  IndexTable,
  InlineStack,
  List,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { en } from "~/i18n/en";
import { unitsReleased } from "~/stale-orders/preview";
import type { StaleOrderPreview } from "~/stale-orders/views";

const t = en.staleOrders.preview;

interface PreviewResultsProps {
  preview: StaleOrderPreview;
  onCancelSelected: (orderIds: string[]) => void;
}

/** The dry run: candidates to tick, units released by the ticked ones, and the orders left alone. */
export function PreviewResults({ preview, onCancelSelected }: PreviewResultsProps) {
  const rows = preview.candidates.map((c) => ({ ...c }));
  const { selectedResources, allResourcesSelected, handleSelectionChange } = useIndexResourceState(rows);
  const selected = preview.candidates.filter((c) => selectedResources.includes(c.id));
  const totals = unitsReleased(selected);
  const units = selected.reduce((n, c) => n + c.units, 0);
  const c = t.columns;

  return (
    <BlockStack gap="400">
      <Card padding="0">
        <Box padding="400">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t.heading}
            </Text>
            <Button
              variant="primary"
              tone="critical"
              disabled={selected.length === 0}
              onClick={() => onCancelSelected(selected.map((s) => s.id))}
            >
              {t.cancelSelected(selected.length)}
            </Button>
          </InlineStack>
        </Box>
        {preview.candidates.length === 0 ? (
          <Box padding="400">
            <Text as="p">{t.empty}</Text>
          </Box>
        ) : (
          <IndexTable
            resourceName={t.resourceName}
            itemCount={rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            headings={[
              { title: c.order },
              { title: c.age },
              { title: c.payment },
              { title: c.gateway },
              { title: c.customer },
              { title: c.reserved },
              { title: c.units, alignment: "end" },
            ]}
          >
            {preview.candidates.map((order, index) => (
              <IndexTable.Row
                id={order.id}
                key={order.id}
                position={index}
                selected={selectedResources.includes(order.id)}
              >
                <IndexTable.Cell>
                  <Text as="span" fontWeight="semibold">
                    {order.name}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{t.ageDays(order.ageHours)}</IndexTable.Cell>
                <IndexTable.Cell>{order.financialStatus ?? ""}</IndexTable.Cell>
                <IndexTable.Cell>{order.gateways.join(", ")}</IndexTable.Cell>
                <IndexTable.Cell>{order.customer ?? t.noCustomer}</IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    {order.lines.map((line, i) => (
                      <Text as="span" key={`${line.sku}-${line.locationId}-${i}`}>
                        {t.line(line.quantity, line.sku, line.locationName)}
                      </Text>
                    ))}
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {order.units}
                  </Text>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t.totalsHeading}
          </Text>
          <Text as="p" tone="subdued">
            {t.selectedTotals(selected.length, units)}
          </Text>
          <DataTable
            columnContentTypes={["text", "text", "numeric"]}
            headings={t.totalsColumns}
            rows={totals.map((r) => [r.sku, r.locationName, r.quantity])}
          />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t.excludedHeading(preview.excluded.length)}
          </Text>
          {preview.excluded.length === 0 ? (
            <Text as="p">{t.excludedEmpty}</Text>
          ) : (
            <List>
              {preview.excluded.map((e) => (
                <List.Item key={e.id}>
                  {e.name}: {en.staleOrders.exclusion[e.reason]}
                </List.Item>
              ))}
            </List>
          )}
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
