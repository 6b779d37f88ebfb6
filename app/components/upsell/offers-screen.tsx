// The post-purchase offers list: each offer with its statistics and its on/off switch and
// order, a totals card with the joint metric, and an empty state. Props in; the switches and
// moves submit to the route's action.
import {
  Badge,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  EmptyState,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { useFetcher, useNavigate } from "@remix-run/react";
import { useShopFormat } from "~/components/shop-format-context";
import { DemoCheckoutCard } from "./demo-checkout-card";
import { en } from "~/i18n/en";
import type { OfferRowView, OffersScreenView } from "~/post-purchase/offer-views";
import { formatRate } from "~/post-purchase/statistics";

const t = en.upsell;

export function OffersScreen({ view }: { view: OffersScreenView }) {
  const navigate = useNavigate();
  const create = { content: t.create, onAction: () => navigate("/app/upsell/new") };
  return (
    <Page title={t.title} subtitle={t.subtitle} primaryAction={view.offers.length ? create : undefined}>
      <Layout>
        {view.offers.length === 0 ? (
          <Layout.Section>
            <Card>
              <EmptyState heading={t.emptyHeading} action={create} image="">
                <p>{t.emptyBody}</p>
              </EmptyState>
            </Card>
          </Layout.Section>
        ) : (
          <>
            <Layout.Section>
              <TotalsCard view={view} />
            </Layout.Section>
            <Layout.Section>
              <Card padding="0">
                <OffersTable offers={view.offers} />
              </Card>
            </Layout.Section>
          </>
        )}
        {view.demoCheckout && (
          <Layout.Section>
            <DemoCheckoutCard />
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}

function Stat({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
      {help && (
        <Text as="p" variant="bodySm" tone="subdued">
          {help}
        </Text>
      )}
    </BlockStack>
  );
}

function TotalsCard({ view }: { view: OffersScreenView }) {
  const { money } = useShopFormat();
  const { total, sameRequest } = view;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.totals.heading}
        </Text>
        <InlineGrid columns={{ xs: 2, md: 6 }} gap="400">
          <Stat label={t.totals.shown} value={String(total.shown)} />
          <Stat label={t.totals.accepted} value={String(total.accepted)} />
          <Stat label={t.totals.declined} value={String(total.declined)} />
          <Stat label={t.totals.conversion} value={formatRate(total.conversion, t.noRate)} />
          <Stat label={t.totals.revenue} value={money(total.revenue, total.currencyCode)} />
          <Stat
            label={t.totals.sameRequest}
            value={formatRate(sameRequest.share, t.noRate)}
            help={t.totals.sameRequestHelp(sameRequest.together, sameRequest.split, sameRequest.pending)}
          />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}

function OfferActions({ offer, first, last }: { offer: OfferRowView; first: boolean; last: boolean }) {
  const fetcher = useFetcher();
  const busy = fetcher.state !== "idle";
  const submit = (form: Record<string, string>) => fetcher.submit({ offerId: offer.id, ...form }, { method: "post" });
  return (
    <ButtonGroup>
      <Button
        size="slim"
        pressed={offer.enabled}
        loading={busy && fetcher.formData?.get("intent") === "set-enabled"}
        accessibilityLabel={t.enabledLabel(offer.name)}
        onClick={() => submit({ intent: "set-enabled", enabled: String(!offer.enabled) })}
      >
        {offer.enabled ? t.on : t.off}
      </Button>
      <Button size="slim" disabled={first || busy} onClick={() => submit({ intent: "move", direction: "up" })}>
        {t.moveUp}
      </Button>
      <Button size="slim" disabled={last || busy} onClick={() => submit({ intent: "move", direction: "down" })}>
        {t.moveDown}
      </Button>
    </ButtonGroup>
  );
}

function NumericCell({ value }: { value: string | number }) {
  return (
    <IndexTable.Cell>
      <Text as="span" alignment="end" numeric>
        {value}
      </Text>
    </IndexTable.Cell>
  );
}

function OffersTable({ offers }: { offers: OfferRowView[] }) {
  const { money } = useShopFormat();
  const navigate = useNavigate();
  const c = t.columns;
  return (
    <IndexTable
      resourceName={t.resourceName}
      itemCount={offers.length}
      selectable={false}
      headings={[
        { title: c.name },
        { title: c.product },
        { title: c.discount },
        { title: c.enabled },
        { title: c.shown, alignment: "end" },
        { title: c.accepted, alignment: "end" },
        { title: c.declined, alignment: "end" },
        { title: c.conversion, alignment: "end" },
        { title: c.revenue, alignment: "end" },
      ]}
    >
      {offers.map((offer, index) => (
        <IndexTable.Row id={offer.id} key={offer.id} position={index}>
          <IndexTable.Cell>
            <Button variant="plain" onClick={() => navigate(`/app/upsell/${offer.id}`)}>
              {offer.name}
            </Button>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {offer.variantTitle ? `${offer.productTitle} — ${offer.variantTitle}` : offer.productTitle}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Badge>{t.percentOff(offer.discountPercent)}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack>
              <OfferActions offer={offer} first={index === 0} last={index === offers.length - 1} />
            </InlineStack>
          </IndexTable.Cell>
          <NumericCell value={offer.shown} />
          <NumericCell value={offer.accepted} />
          <NumericCell value={offer.declined} />
          <NumericCell value={formatRate(offer.conversion, t.noRate)} />
          <NumericCell value={money(offer.revenue, offer.currencyCode)} />
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
