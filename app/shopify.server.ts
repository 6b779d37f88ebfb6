// The single place that configures shopifyApp(). Everything else imports from here.
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { getJobQueue } from "./jobs/runtime.server";
import { enqueueReconcile } from "./reconciliation/reconcile-enqueue.server";
import { recordInstall } from "./shops/shop-lifecycle.server";
import { API_VERSION } from "./shopify/api-version";
import { sessionStorageFor } from "./shopify/session-cache.server";

const apiVersion = ApiVersion.October26;
if (apiVersion !== API_VERSION) throw new Error(`ApiVersion.October26 is ${apiVersion}, expected ${API_VERSION}`);

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion,
  scopes: env.SCOPES.split(","),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: sessionStorageFor(prisma, env),
  distribution: AppDistribution.AppStore,
  future: { unstable_newEmbeddedAuthStrategy: true },
  hooks: {
    afterAuth: async ({ session }) => {
      const firstInstall = await recordInstall({ shop: session.shop, scopes: session.scope ?? null });
      // Bring the ledger up to date with the last 60 days of open work.
      if (firstInstall) await enqueueReconcile(getJobQueue(), session.shop, "install");
    },
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export { apiVersion };
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
