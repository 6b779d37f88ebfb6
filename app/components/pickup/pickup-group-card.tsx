import { Link } from "@remix-run/react";
import { BlockStack, Box, Button, Card, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { ActionForm, useActionForm } from "~/components/fulfillment-order/action-form";
import { UnavailableReason } from "~/components/fulfillment-order/unavailable-reason";
import type { ActionAvailability } from "~/fulfillment/actions/contract";
import { formatAge, fulfillmentOrderPath } from "~/fulfillment/detail/derive";
import type { PickupOrderView } from "~/fulfillment/pickup/board";
import { en } from "~/i18n/en";
import { CancelAndRestock } from "./cancel-and-restock";

const t = en.pickup;

/** Where unpaid stale orders are cancelled in bulk and their stock released (app.stale-orders.tsx). */
const STALE_ORDERS_PATH = "/app/stale-orders";

function QuickAction({
  order,
  availability,
  label,
}: {
  order: PickupOrderView;
  availability: ActionAvailability;
  label: string;
}) {
  const form = useActionForm(availability.intent, {
    fulfillmentOrderId: order.fulfillmentOrderId,
    expectedUpdatedAt: order.expectedUpdatedAt,
    // The detail page's action performs it; this board revalidates after the answer.
    action: fulfillmentOrderPath(order.fulfillmentOrderId),
  });
  if (!availability.available) return <UnavailableReason availability={availability} />;
  return (
    <ActionForm form={form}>
      <InlineStack>
        <Button
          submit
          size="slim"
          variant="primary"
          loading={form.submitting}
          disabled={!form.ready}
          accessibilityLabel={`${label} ${order.orderName}`}
        >
          {label}
        </Button>
      </InlineStack>
    </ActionForm>
  );
}

type PickupGroup = "awaiting" | "ready" | "notCollected";

export function PickupGroupCard({
  group,
  heading,
  orders,
  now,
}: {
  group: PickupGroup;
  heading: string;
  orders: PickupOrderView[];
  now: Date;
}) {
  return (
    <Card padding="0">
      <Box padding="400" paddingBlockEnd="200">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {`${heading} (${orders.length})`}
          </Text>
          {group === "notCollected" && orders.length > 0 && (
            <Text as="p" tone="subdued">
              {t.staleNote.before}
              <Link to={STALE_ORDERS_PATH}>{t.staleNote.link}</Link>
              {t.staleNote.after}
            </Text>
          )}
        </BlockStack>
      </Box>
      {orders.length === 0 ? (
        <Box padding="400" paddingBlockStart="0">
          <Text as="p" tone="subdued">
            {t.empty[group]}
          </Text>
        </Box>
      ) : (
        <IndexTable
          resourceName={t.resourceName}
          itemCount={orders.length}
          selectable={false}
          headings={[
            { title: t.columns.order },
            { title: t.columns.customer },
            { title: t.columns.location },
            { title: t.columns.items },
            { title: t.columns.waiting },
            { title: t.columns.actions },
          ]}
        >
          {orders.map((order, index) => (
            <IndexTable.Row id={order.fulfillmentOrderId} key={order.fulfillmentOrderId} position={index}>
              <IndexTable.Cell>
                <Link to={fulfillmentOrderPath(order.fulfillmentOrderId)}>{order.orderName}</Link>
              </IndexTable.Cell>
              <IndexTable.Cell>{order.customerName ?? t.noCustomer}</IndexTable.Cell>
              <IndexTable.Cell>{order.locationName ?? ""}</IndexTable.Cell>
              <IndexTable.Cell>{t.items(order.remainingQuantity)}</IndexTable.Cell>
              <IndexTable.Cell>
                {order.preparedForPickupAt
                  ? t.readyFor(formatAge(order.preparedForPickupAt, now))
                  : t.placedAgo(formatAge(order.placedAt, now))}
              </IndexTable.Cell>
              <IndexTable.Cell>
                <InlineStack gap="200" blockAlign="start">
                  {group === "awaiting" && order.readyForPickup && (
                    <QuickAction order={order} availability={order.readyForPickup} label={en.actions.pickup.ready} />
                  )}
                  {group !== "awaiting" && order.pickedUp && order.cancellation?.status !== "cancelling" && (
                    <QuickAction order={order} availability={order.pickedUp} label={en.actions.pickup.pickedUp} />
                  )}
                  {group === "notCollected" && <CancelAndRestock order={order} />}
                </InlineStack>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      )}
    </Card>
  );
}
