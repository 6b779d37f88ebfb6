import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { BlockStack, Card, EmptyState, IndexTable, InlineStack, Page, Text } from "@shopify/polaris";
import { StatusBadge, humanizeEnum } from "~/components/status-badge";
import { en } from "~/i18n/en";
import { fetchOrdersOverview } from "~/shopify/admin/orders-overview.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const after = new URL(request.url).searchParams.get("after");
  const page = await fetchOrdersOverview(admin.graphql, { first: 25, after });
  return json({ shop: session.shop, ...page });
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default function Home() {
  const { orders, nextCursor } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const t = en.home;
  return (
    <Page title={t.title} subtitle={t.subtitle}>
      <Card padding="0">
        {orders.length === 0 ? (
          <EmptyState heading={t.emptyHeading} image="">
            <p>{t.emptyBody}</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={t.resourceName}
            itemCount={orders.length}
            selectable={false}
            headings={[
              { title: t.columns.order },
              { title: t.columns.date },
              { title: t.columns.customer },
              { title: t.columns.payment },
              { title: t.columns.fulfillment },
              { title: t.columns.fulfillmentOrders },
            ]}
            pagination={{
              hasNext: Boolean(nextCursor),
              onNext: () => nextCursor && navigate(`?after=${encodeURIComponent(nextCursor)}`),
            }}
          >
            {orders.map((order, index) => (
              <IndexTable.Row id={order.id} key={order.id} position={index}>
                <IndexTable.Cell>
                  <Text as="span" fontWeight="semibold">
                    {order.name}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{dateFormat.format(new Date(order.createdAt))}</IndexTable.Cell>
                <IndexTable.Cell>{order.customerName ?? t.noCustomer}</IndexTable.Cell>
                <IndexTable.Cell>
                  <StatusBadge value={order.financialStatus} />
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <StatusBadge value={order.fulfillmentStatus} />
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="100">
                    {order.fulfillmentOrders.map((fo) => (
                      <InlineStack key={fo.id} gap="200" blockAlign="center" wrap={false}>
                        <Text as="span" variant="bodySm">
                          {fo.locationName}
                          {fo.deliveryMethod ? ` · ${humanizeEnum(fo.deliveryMethod)}` : ""}
                        </Text>
                        <StatusBadge value={fo.status} />
                        {fo.holdReasons.length > 0 && (
                          <Text as="span" variant="bodySm" tone="caution">
                            {fo.holdReasons.map(humanizeEnum).join(", ")} {t.onHold}
                          </Text>
                        )}
                      </InlineStack>
                    ))}
                  </BlockStack>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}
