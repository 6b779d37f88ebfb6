import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { isDemoMode } from "~/demo/demo-mode.server";
import { en } from "~/i18n/en";
import { login } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  // Shopify admin opens the app URL with ?shop=…: hand over to the embedded app.
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  // Demo mode: open the demo shop as if Shopify admin had embedded the app.
  if (isDemoMode()) throw redirect("/demo/launch");
  return json({ showForm: Boolean(login) });
};

export default function Landing() {
  const { showForm } = useLoaderData<typeof loader>();
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 560, margin: "4rem auto", padding: "0 1rem" }}>
      <h1>{en.landing.heading}</h1>
      <p>{en.landing.tagline}</p>
      {showForm && (
        <Form method="post" action="/auth/login">
          <label>
            <span>{en.landing.shopLabel}</span> <input type="text" name="shop" placeholder={en.landing.shopHelp} />
          </label>{" "}
          <button type="submit">{en.landing.submit}</button>
        </Form>
      )}
    </main>
  );
}
