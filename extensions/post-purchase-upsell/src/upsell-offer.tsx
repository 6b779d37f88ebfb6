import {
  BlockStack,
  Button,
  CalloutBanner,
  Heading,
  Image,
  InlineStack,
  Layout,
  Separator,
  Text,
  TextBlock,
  TextContainer,
  useExtensionInput,
} from "@shopify/post-purchase-ui-extensions-react";
import { useEffect, useMemo, useRef, useState } from "react";

import { type CheckoutRef, type Decision, recordDecision, signChangeset } from "./backend";
import { changesetErrorMessage } from "./changeset-errors";
import { messages } from "./messages";
import { type Offer, parseOffer } from "./offer";
import { formatMoney, sumAmounts } from "./money";

type Calculation =
  | { state: "pending" }
  | { state: "failed" }
  | { state: "ready"; subtotal: string; shipping: string; taxes: string; total: string };

// After a failure the buyer continues; `recordOnContinue` is the decision that continuing means, or null when
// the outcome is not the extension's to report (the backend refused to sign, or the line may already be in
// the order).
type Phase =
  { state: "choosing" } | { state: "busy" } | { state: "failed"; message: string; recordOnContinue: Decision | null };

// Checkout::PostPurchase::Render: the offer, the amounts Shopify calculates for it, accept and decline
// (https://shopify.dev/docs/api/checkout-extensions/post-purchase/api). The buyer can always reach the
// thank-you page: every failure leaves a button that calls done().
export function UpsellOffer() {
  const { storage, inputData, calculateChangeset, applyChangeset, done } =
    useExtensionInput<"Checkout::PostPurchase::Render">();
  const offer = useMemo(() => parseOffer(storage.initialData), [storage.initialData]);
  if (offer === null) {
    return <Button onPress={() => void done()}>{messages.continue}</Button>;
  }
  const ref = { token: inputData.token, referenceId: inputData.initialPurchase.referenceId };
  return (
    <OfferScreen
      offer={offer}
      checkout={ref}
      locale={inputData.locale}
      calculateChangeset={calculateChangeset}
      applyChangeset={applyChangeset}
      done={done}
    />
  );
}

interface OfferScreenProps {
  offer: Offer;
  checkout: CheckoutRef;
  locale: string;
  calculateChangeset: ReturnType<typeof useExtensionInput<"Checkout::PostPurchase::Render">>["calculateChangeset"];
  applyChangeset: ReturnType<typeof useExtensionInput<"Checkout::PostPurchase::Render">>["applyChangeset"];
  done: () => Promise<void>;
}

function OfferScreen({ offer, checkout, locale, calculateChangeset, applyChangeset, done }: OfferScreenProps) {
  const [calculation, setCalculation] = useState<Calculation>({ state: "pending" });
  const [phase, setPhase] = useState<Phase>({ state: "choosing" });
  const money = (amount: string) => formatMoney(amount, offer.currencyCode, locale);

  useEffect(() => {
    let live = true;
    const changes = [
      { type: "add_variant" as const, variantId: offer.variantId, quantity: offer.quantity, discount: offer.discount },
    ];
    calculateChangeset({ changes })
      .then((result) => {
        if (!live) return;
        if (result.status !== "processed") return setCalculation({ state: "failed" });
        const purchase = result.calculatedPurchase;
        setCalculation({
          state: "ready",
          subtotal: purchase.subtotalPriceSet.presentmentMoney.amount,
          shipping: sumAmounts(purchase.addedShippingLines.map((line) => line.priceSet.presentmentMoney.amount)),
          taxes: sumAmounts(purchase.addedTaxLines.map((line) => line.priceSet.presentmentMoney.amount)),
          total: purchase.totalOutstandingSet.presentmentMoney.amount,
        });
      })
      .catch(() => live && setCalculation({ state: "failed" }));
    return () => {
      live = false;
    };
  }, [offer, calculateChangeset]);

  // One action at a time: a second press while signing, applying or finishing must not sign, apply or
  // record twice. A failure frees it again so the buyer can continue.
  const acting = useRef(false);
  const act = (action: () => Promise<void>) => () => {
    if (acting.current) return;
    acting.current = true;
    // Should Shopify's done() itself reject, the buttons work again rather than leave the buyer stuck.
    action().catch(() => {
      acting.current = false;
    });
  };
  const fail = (message: string, recordOnContinue: Decision | null) => {
    acting.current = false;
    setPhase({ state: "failed", message, recordOnContinue });
  };

  const finish = async (decision: Decision | null) => {
    if (decision !== null) await recordDecision(checkout, offer.offerId, decision);
    await done();
  };

  const accept = async () => {
    setPhase({ state: "busy" });
    const changesetToken = await signChangeset(checkout, offer.offerId);
    if (changesetToken === null) {
      return fail(messages.signFailed, null);
    }
    let result;
    try {
      result = await applyChangeset(changesetToken);
    } catch {
      return fail(messages.changesetErrors.other, null);
    }
    if (result.status === "processed") return finish("accepted");
    const message = changesetErrorMessage(result.errors);
    if (result.status === "partially_processed") {
      // The order was edited but not fully paid: the line is in the order, so the decision is "accepted".
      await recordDecision(checkout, offer.offerId, "accepted");
      return fail(message, null);
    }
    // Unprocessed: nothing was added, so continuing declines, unless Shopify says an earlier apply added it.
    const alreadyApplied = result.errors.some((error) => error.code === "changeset_already_applied");
    fail(message, alreadyApplied ? null : "declined");
  };

  const pending = calculation.state === "pending";
  const amount = (value: string) => (pending ? messages.calculating : money(value));
  const shipping = (value: string) => (Number(value) === 0 && !pending ? messages.free : amount(value));

  return (
    <BlockStack spacing="loose">
      <CalloutBanner title={messages.heading}>{messages.offerIntro}</CalloutBanner>
      <Layout
        media={[
          { viewportSize: "small", sizes: [1, 0, 1], maxInlineSize: 0.9 },
          { viewportSize: "medium", sizes: [532, 0, 1], maxInlineSize: 420 },
          { viewportSize: "large", sizes: [560, 38, 340] },
        ]}
      >
        {offer.imageUrl ? <Image source={offer.imageUrl} description={offer.productTitle} /> : <TextBlock> </TextBlock>}
        <BlockStack />
        <BlockStack spacing="loose">
          <TextContainer>
            <Heading>{offer.productTitle}</Heading>
            {offer.variantTitle ? <TextBlock subdued>{offer.variantTitle}</TextBlock> : null}
            <TextBlock subdued>{messages.quantity(offer.quantity)}</TextBlock>
            <InlineStack spacing="tight">
              <Text role="deletion" subdued>
                {`${messages.originalPrice} ${money(offer.originalPrice)}`}
              </Text>
              <Text emphasized size="large">
                {`${messages.discountedPrice} ${money(offer.discountedPrice)}`}
              </Text>
            </InlineStack>
            <TextBlock subdued>{offer.discount.title}</TextBlock>
          </TextContainer>
          <Separator />
          {calculation.state === "failed" ? (
            <TextBlock subdued>{messages.calculationUnavailable}</TextBlock>
          ) : (
            <BlockStack spacing="tight">
              <AmountRow
                label={messages.subtotal}
                value={amount(calculation.state === "ready" ? calculation.subtotal : "0")}
              />
              <AmountRow
                label={messages.shipping}
                value={shipping(calculation.state === "ready" ? calculation.shipping : "0")}
              />
              <AmountRow
                label={messages.taxes}
                value={amount(calculation.state === "ready" ? calculation.taxes : "0")}
              />
              <Separator />
              <AmountRow
                label={messages.total}
                value={amount(calculation.state === "ready" ? calculation.total : "0")}
                emphasized
              />
            </BlockStack>
          )}
          {phase.state === "failed" ? (
            <BlockStack spacing="tight">
              <TextBlock appearance="critical">{phase.message}</TextBlock>
              <Button submit onPress={act(() => finish(phase.recordOnContinue))}>
                {messages.continue}
              </Button>
            </BlockStack>
          ) : (
            <BlockStack spacing="tight">
              <Button submit loading={phase.state === "busy"} loadingLabel={messages.accepting} onPress={act(accept)}>
                {messages.accept(
                  calculation.state === "ready" ? money(calculation.total) : money(offer.discountedPrice),
                )}
              </Button>
              <Button subdued disabled={phase.state === "busy"} onPress={act(() => finish("declined"))}>
                {messages.decline}
              </Button>
            </BlockStack>
          )}
        </BlockStack>
      </Layout>
    </BlockStack>
  );
}

function AmountRow({ label, value, emphasized }: { label: string; value: string; emphasized?: boolean }) {
  return (
    <InlineStack spacing="loose">
      <Text emphasized={emphasized}>{label}</Text>
      <Text emphasized={emphasized}>{value}</Text>
    </InlineStack>
  );
}
