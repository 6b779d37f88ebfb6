import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  type ShouldRevalidateFunction,
  useLoaderData,
  useLocation,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { BlockStack, Card, EmptyState, Layout, Page, SkeletonBodyText, SkeletonPage } from "@shopify/polaris";
import { loadAutomationView } from "~/automation/decision-view.server";
import { ActionsCard } from "~/components/fulfillment-order/actions-card";
import { AutomationCard } from "~/components/fulfillment-order/automation-card";
import { FulfillmentOrderCard } from "~/components/fulfillment-order/fulfillment-order-card";
import { HoldsCard } from "~/components/fulfillment-order/holds-card";
import { LineageCard } from "~/components/fulfillment-order/lineage-card";
import { OrderSummaryCard } from "~/components/fulfillment-order/order-summary-card";
import { PostPurchaseCard } from "~/components/fulfillment-order/post-purchase-card";
import { TimelineCard } from "~/components/fulfillment-order/timeline-card";
import { actionInputFromFormData, performFulfillmentAction } from "~/fulfillment/actions/perform-action.server";
import {
  actorOf,
  FulfillmentOrderIdParam,
  httpStatusOf,
  isFulfillmentActionSubmission,
} from "~/fulfillment/detail/action-response";
import { shortId } from "~/fulfillment/detail/derive";
import { loadFulfillmentOrderDetail } from "~/fulfillment/detail/fulfillment-order-detail.server";
import { readForm } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { loadPostPurchaseView } from "~/post-purchase/fo-post-purchase.server";
import { authenticate } from "~/shopify.server";

const t = en.fulfillmentOrder;

const notFound = () => new Response(t.notFoundTitle, { status: 404 });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const id = FulfillmentOrderIdParam.safeParse(params.id);
  if (!id.success) throw notFound();
  const view = await loadFulfillmentOrderDetail(admin.graphql, session.shop, id.data);
  if (!view) throw notFound();
  const automation = await loadAutomationView(session.shop, id.data);
  const postPurchase = await loadPostPurchaseView(session.shop, view.order.shopifyId, {
    holds: view.holds,
    automationState: automation.state,
  });
  return json({ view, automation, postPurchase, now: new Date().toISOString() });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const result = await performFulfillmentAction(
    admin.graphql,
    { shop: session.shop, actor: actorOf(sessionToken) },
    actionInputFromFormData(await readForm(request)),
  );
  return json(result, { status: httpStatusOf(result) });
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? t.title(data.view.order.name, shortId(data.view.fulfillmentOrder.shopifyId)) : t.notFoundTitle },
];

// The form that submitted an action toasts its answer, then revalidates (action-form.tsx).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  isFulfillmentActionSubmission(formData) ? false : defaultShouldRevalidate;

export default function FulfillmentOrderDetail() {
  const { view, automation, postPurchase, now: nowIso } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  const now = new Date(nowIso);
  const fo = view.fulfillmentOrder;

  // Following a lineage link: the next FO's page is loading, so don't show this one's data.
  if (navigation.state === "loading" && navigation.location.pathname !== location.pathname) {
    return <LoadingFulfillmentOrder />;
  }

  const context = { fulfillmentOrderId: fo.shopifyId, expectedUpdatedAt: fo.shopifyUpdatedAt };
  return (
    <Page
      backAction={{ content: t.backToOrders, url: "/app" }}
      title={t.title(view.order.name, shortId(fo.shopifyId))}
      subtitle={fo.locationName ?? undefined}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <AutomationCard automation={automation} now={now} />
            <PostPurchaseCard postPurchase={postPurchase} now={now} />
            <FulfillmentOrderCard fo={fo} now={now} />
            <HoldsCard
              holds={view.holds}
              release={view.actions.find((a) => a.intent === "release-holds")}
              context={context}
              now={now}
            />
            <ActionsCard view={view} context={context} now={now} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <OrderSummaryCard order={view.order} />
            <LineageCard lineage={view.lineage} />
            <TimelineCard events={view.events} decisions={automation.decisions} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function LoadingFulfillmentOrder() {
  return (
    <SkeletonPage title={t.loading} backAction>
      <Layout>
        <Layout.Section>
          <Card>
            <SkeletonBodyText lines={6} />
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <SkeletonBodyText lines={4} />
          </Card>
        </Layout.Section>
      </Layout>
    </SkeletonPage>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page backAction={{ content: t.backToOrders, url: "/app" }} title={t.notFoundTitle}>
        <Card>
          <EmptyState heading={t.notFoundTitle} image="">
            <p>{t.notFoundBody}</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  // Shopify's thrown responses (re-auth, bounce page) are handled as the app layout does.
  return boundary.error(error);
}
