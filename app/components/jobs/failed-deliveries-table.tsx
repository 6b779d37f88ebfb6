import { Box, IndexTable, Text } from "@shopify/polaris";
import { en } from "~/i18n/en";
import { useShopFormat } from "~/components/shop-format-context";
import type { FailedDeliveryView } from "~/health/types";

const t = en.jobs;

export function FailedDeliveriesTable({ deliveries }: { deliveries: FailedDeliveryView[] }) {
  const { dateTime } = useShopFormat();
  if (deliveries.length === 0) {
    return (
      <Box padding="400">
        <Text as="p" tone="subdued">
          {t.deliveriesEmpty}
        </Text>
      </Box>
    );
  }
  const c = t.deliveryColumns;
  return (
    <IndexTable
      resourceName={t.deliveryResourceName}
      itemCount={deliveries.length}
      selectable={false}
      headings={[{ title: c.topic }, { title: c.received }, { title: c.error }]}
    >
      {deliveries.map((delivery, index) => (
        <IndexTable.Row id={delivery.id} key={delivery.id} position={index}>
          <IndexTable.Cell>
            <Text as="span" fontWeight="semibold">
              {delivery.topic}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{dateTime(delivery.receivedAt)}</IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" tone="critical" breakWord>
              {delivery.error ?? t.noError}
            </Text>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
