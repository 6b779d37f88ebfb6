// Demo mode only: "Try it in the demo store" — two buttons that play a buyer checking out and
// answering the first enabled offer, and a banner telling what happened. The submission goes to
// the offers route's action through a fetcher, so the statistics revalidate once it is done.
import { Banner, BlockStack, Button, ButtonGroup, Card, List, Text } from "@shopify/polaris";
import { useFetcher } from "@remix-run/react";
import { useShopFormat } from "~/components/shop-format-context";
import { type DemoCheckoutAnswer, type DemoCheckoutView, SIMULATE_CHECKOUT_INTENT } from "~/demo/demo-checkout-view";
import { en } from "~/i18n/en";

const t = en.upsell.demoCheckout;
const ANSWERS = ["accept", "decline"] as const;

function CheckoutLines({ checkout }: { checkout: DemoCheckoutView }) {
  const { money } = useShopFormat();
  const { offer, addedLine } = checkout;
  const currency = offer?.currencyCode;
  return (
    <List>
      <List.Item>
        {offer
          ? t.offerShown(offer.productTitle, money(offer.discountedPrice, currency))
          : t.noOffer[checkout.noOffer!]}
      </List.Item>
      <List.Item>{t.answer[checkout.answer]}</List.Item>
      {addedLine && (
        <List.Item>{t.added(addedLine.quantity, addedLine.title, money(addedLine.price, currency))}</List.Item>
      )}
      {checkout.answer === "accept" && !addedLine && (
        <List.Item>{t.notAdded(checkout.changesetErrors.join("; "))}</List.Item>
      )}
      <List.Item>{checkout.holdReleased ? t.holdReleased : t.holdKept}</List.Item>
    </List>
  );
}

/** What the last simulated checkout did; a critical banner when it could not run. */
export function DemoCheckoutOutcome({ answer }: { answer: DemoCheckoutAnswer }) {
  if (!answer.ok) return <Banner tone="critical">{answer.error}</Banner>;
  const { checkout } = answer;
  const tone = checkout.addedLine ? "success" : checkout.answer === "accept" ? "warning" : "info";
  return (
    <Banner tone={tone} title={t.resultTitle(checkout.orderName)}>
      <CheckoutLines checkout={checkout} />
    </Banner>
  );
}

export function DemoCheckoutCard() {
  const fetcher = useFetcher<DemoCheckoutAnswer>();
  const busy = fetcher.state !== "idle";
  const pressed = fetcher.formData?.get("answer");
  const simulate = (answer: (typeof ANSWERS)[number]) =>
    fetcher.submit({ intent: SIMULATE_CHECKOUT_INTENT, answer }, { method: "post" });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.heading}
        </Text>
        <Text as="p" tone="subdued">
          {t.body}
        </Text>
        <ButtonGroup>
          {ANSWERS.map((answer) => (
            <Button
              key={answer}
              loading={busy && pressed === answer}
              disabled={busy && pressed !== answer}
              onClick={() => simulate(answer)}
            >
              {t[answer]}
            </Button>
          ))}
        </ButtonGroup>
        {fetcher.data && <DemoCheckoutOutcome answer={fetcher.data} />}
      </BlockStack>
    </Card>
  );
}
