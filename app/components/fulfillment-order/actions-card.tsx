import { BlockStack, Box, Card, Divider, InlineGrid, Text } from "@shopify/polaris";
import { Fragment } from "react";
import type { ActionAvailability, ActionIntent } from "~/fulfillment/actions/contract";
import { formatAge } from "~/fulfillment/detail/derive";
import { useShopFormat } from "~/components/shop-format-context";
import type { FulfillmentOrderDetailView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";
import type { ActionFormContext } from "./action-form";
import { FulfilForm } from "./fulfil-form";
import { HoldForm } from "./hold-form";
import { MoveForm } from "./move-form";
import { RequestFulfillmentForm } from "./request-fulfillment-form";
import { SimpleActionForm } from "./simple-action-form";
import { UnavailableReason } from "./unavailable-reason";

const t = en.actions;
const tc = en.fulfillmentOrder.cancellation;

/** The order the actions are listed in; release-holds lives with the holds. */
const ORDER: ActionIntent[] = [
  "request-fulfillment",
  "fulfil",
  "ready-for-pickup",
  "picked-up",
  "hold",
  "move",
  "cancel-request",
  "request-cancellation",
];

function CancellationNote({
  cancellation,
  now,
}: {
  cancellation: FulfillmentOrderDetailView["cancellation"];
  now: Date;
}) {
  const { dateTime: formatDateTime } = useShopFormat();
  if (!cancellation) return null;
  const { answer } = cancellation;
  const text = !answer
    ? tc.pending(formatAge(cancellation.requestedAt, now))
    : answer.status === "CANCELLATION_ACCEPTED"
      ? tc.accepted(formatDateTime(answer.at))
      : answer.status === "CANCELLATION_REJECTED"
        ? tc.rejected(formatDateTime(answer.at))
        : tc.answered(answer.status, formatDateTime(answer.at));
  return (
    <Text as="p" tone={answer ? undefined : "caution"}>
      {text}
    </Text>
  );
}

function ActionBody({
  availability,
  view,
  context,
}: {
  availability: ActionAvailability;
  view: FulfillmentOrderDetailView;
  context: ActionFormContext;
}) {
  const lines = view.fulfillmentOrder.lineItems;
  if (!availability.available) return <UnavailableReason availability={availability} />;
  switch (availability.intent) {
    case "request-fulfillment":
      return <RequestFulfillmentForm context={context} lines={lines} />;
    case "fulfil":
      return <FulfilForm context={context} lines={lines} />;
    case "hold":
      return <HoldForm context={context} lines={lines} />;
    case "move":
      return <MoveForm context={context} locations={view.locationsForMove ?? []} />;
    case "ready-for-pickup":
      return <SimpleActionForm context={context} intent="ready-for-pickup" label={t.pickup.ready} variant="primary" />;
    case "picked-up":
      return <SimpleActionForm context={context} intent="picked-up" label={t.pickup.pickedUp} variant="primary" />;
    case "cancel-request":
      return <SimpleActionForm context={context} intent="cancel-request" label={t.cancelRequest.submit} />;
    case "request-cancellation":
      return (
        <SimpleActionForm
          context={context}
          intent="request-cancellation"
          label={t.requestCancellation.submit}
          messageLabel={t.requestCancellation.message}
        />
      );
    default:
      return null;
  }
}

/** Every action the page offers, each gated by availableActions: a form, or why not. */
export function ActionsCard({
  view,
  context,
  now,
}: {
  view: FulfillmentOrderDetailView;
  context: ActionFormContext;
  now: Date;
}) {
  const listed = ORDER.map((intent) => view.actions.find((a) => a.intent === intent)).filter(
    (a): a is ActionAvailability => a !== undefined,
  );
  // What can be done first; the rest below, each with why not.
  const available = listed.filter((a) => a.available);
  const unavailable = listed.filter((a) => !a.available);
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t.heading}
        </Text>
        {view.fulfillmentOrder.status === "INCOMPLETE" && (
          <Text as="p" tone="critical">
            {en.fulfillmentOrder.incomplete}
          </Text>
        )}
        <CancellationNote cancellation={view.cancellation} now={now} />
        {available.map((availability, index) => (
          // Keyed by the FO's version: once the page reloads after an action, every form starts
          // afresh (empty fields, a new idempotency key).
          <Fragment key={`${availability.intent}-${context.expectedUpdatedAt}`}>
            {index > 0 && <Divider />}
            <section aria-label={t.intent[availability.intent]}>
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {t.intent[availability.intent]}
                </Text>
                <Box>
                  <ActionBody availability={availability} view={view} context={context} />
                </Box>
              </BlockStack>
            </section>
          </Fragment>
        ))}
        {unavailable.length > 0 && (
          <>
            {available.length > 0 && <Divider />}
            <Text as="h3" variant="headingSm" tone="subdued">
              {t.unavailableHeading}
            </Text>
            <InlineGrid columns={{ xs: 1, sm: 2 }} gap="300">
              {unavailable.map((availability) => (
                <section key={availability.intent} aria-label={t.intent[availability.intent]}>
                  <UnavailableReason availability={availability} />
                </section>
              ))}
            </InlineGrid>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
