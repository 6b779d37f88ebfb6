import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OfferEditor } from "~/components/upsell/offer-editor";
import { isDemoMode } from "~/demo/demo-mode.server";
import { readForm } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { saveOfferForm } from "~/post-purchase/offer-editor-action.server";
import { loadOfferEditor } from "~/post-purchase/offers-screen.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: `${en.upsell.newTitle} · ${en.appName}` }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json((await loadOfferEditor(session.shop, null, isDemoMode()))!);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { status, data } = await saveOfferForm(session.shop, null, Object.fromEntries(await readForm(request)));
  return json(data, { status });
};

export default function NewOffer() {
  return <OfferEditor view={useLoaderData<typeof loader>()} />;
}
