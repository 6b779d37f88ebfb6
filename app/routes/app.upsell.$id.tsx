import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { OfferEditor } from "~/components/upsell/offer-editor";
import { isDemoMode } from "~/demo/demo-mode.server";
import { readForm } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { saveOfferForm } from "~/post-purchase/offer-editor-action.server";
import { loadOfferEditor } from "~/post-purchase/offers-screen.server";
import { authenticate } from "~/shopify.server";

const t = en.upsell;

/** An offer id (a cuid): anything else is no offer, answered 404 without a database read. */
const OfferIdParam = z.string().regex(/^[a-z0-9]{1,64}$/);

const notFound = () => new Response(t.form.notFound, { status: 404 });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t.editTitle(data.values.name) : t.form.notFound} · ${en.appName}` },
];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = OfferIdParam.safeParse(params.id);
  if (!id.success) throw notFound();
  const view = await loadOfferEditor(session.shop, id.data, isDemoMode());
  if (!view) throw notFound();
  return json(view);
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = OfferIdParam.safeParse(params.id);
  if (!id.success) return json({ ok: false, kind: "refused", error: t.form.notFound }, { status: 404 });
  const { status, data } = await saveOfferForm(session.shop, id.data, Object.fromEntries(await readForm(request)));
  return json(data, { status });
};

export default function EditOffer() {
  const view = useLoaderData<typeof loader>();
  // Another offer's page starts a fresh form; this offer's revalidation after a refused save does
  // not (the merchant's edits and the version they were made at stay).
  return <OfferEditor key={view.id} view={view} />;
}
