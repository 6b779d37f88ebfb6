import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { ShopFormatProvider } from "~/components/shop-format-context";
import { appBridgeScriptUrl } from "~/demo/demo-mode.server";
import { env } from "~/env.server";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";
import { shopFormatFor } from "~/shops/shop-details.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

// The default document title; pages replace it with their own.
export const meta: MetaFunction = () => [{ title: en.appName }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shopFormat = await shopFormatFor(admin.graphql, session.shop);
  return json({ apiKey: env.SHOPIFY_API_KEY, appBridgeUrl: appBridgeScriptUrl(), shopFormat });
};

export default function App() {
  const { apiKey, appBridgeUrl, shopFormat } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <NavMenu>
        <Link to="/app" rel="home">
          {en.nav.home}
        </Link>
        <Link to="/app/pickup">{en.pickup.nav}</Link>
        <Link to="/app/rejections">{en.rejections.nav}</Link>
        <Link to="/app/reconciliation">{en.nav.reconciliation}</Link>
        <Link to="/app/jobs">{en.nav.jobs}</Link>
        <Link to="/app/stale-orders">{en.staleOrders.nav}</Link>
        <Link to="/app/automation">{en.automation.nav}</Link>
        <Link to="/app/upsell">{en.upsell.nav}</Link>
      </NavMenu>
      <ShopFormatProvider format={shopFormat}>
        <Outlet />
      </ShopFormatProvider>
    </AppProvider>
  );
}

// Shopify needs Remix to catch its thrown responses (re-auth, bounce page) and keep their headers.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
