import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { SkeletonBodyText, SkeletonPage, Card } from "@shopify/polaris";
import { OffersScreen } from "~/components/upsell/offers-screen";
import { demoCheckoutAvailable, simulateCheckoutFromScreen } from "~/demo/demo-checkout-control.server";
import { SIMULATE_CHECKOUT_INTENT } from "~/demo/demo-checkout-view";
import { readForm } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { OfferListIntent } from "~/post-purchase/offer-form";
import { moveOffer, setOfferEnabled } from "~/post-purchase/offer-store.server";
import { loadOffersScreen } from "~/post-purchase/offers-screen.server";
import { authenticate } from "~/shopify.server";

const t = en.upsell;

export const meta: MetaFunction = () => [{ title: `${t.title} · ${en.appName}` }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await loadOffersScreen(session.shop, demoCheckoutAvailable(session.shop)));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await readForm(request));
  if (form.intent === SIMULATE_CHECKOUT_INTENT) {
    const { status, data } = await simulateCheckoutFromScreen(session.shop, form);
    return json(data, { status });
  }
  const parsed = OfferListIntent.safeParse(form);
  if (!parsed.success)
    return json({ ok: false, error: parsed.error.issues[0]?.message ?? t.errors.intent }, { status: 400 });
  const input = parsed.data;
  const found =
    input.intent === "set-enabled"
      ? await setOfferEnabled(session.shop, input.offerId, input.enabled)
      : await moveOffer(session.shop, input.offerId, input.direction);
  if (!found) return json({ ok: false, error: t.errors.offerId }, { status: 404 });
  return json({ ok: true });
};

export default function UpsellOffers() {
  const view = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const location = useLocation();
  // Opening an offer: its editor is loading, so don't leave the list standing as if nothing happened.
  if (navigation.state === "loading" && navigation.location.pathname !== location.pathname) {
    return (
      <SkeletonPage title={t.title} primaryAction>
        <Card>
          <SkeletonBodyText lines={6} />
        </Card>
      </SkeletonPage>
    );
  }
  return <OffersScreen view={view} />;
}
