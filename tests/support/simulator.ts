// The Shopify store simulator as tests use it: Admin API calls of the app (and token
// exchange) are routed to it through the network guard, and its webhooks are delivered,
// signed, to the app's real webhook routes.
import { Session } from "@shopify/shopify-api";
import { StoreSimulator } from "../../simulator/store-simulator";
import { WebhookDispatcher } from "../../simulator/webhooks";
import { routeRequests } from "./network-guard";
import { TEST_ENV } from "./test-env";
import { callWebhookRoute } from "./webhook-routes";

export interface SimulatorHarness {
  sim: StoreSimulator;
  webhooks: WebhookDispatcher;
  /** The name of every Admin GraphQL operation the app sent, in order (token exchanges are left out). */
  operations: string[];
  /**
   * The next call of this operation runs in the simulator, but its answer never reaches the app:
   * the app sees a network failure (a crash or timeout between Shopify's answer and our write).
   */
  loseNextAnswer: (operationName: string) => void;
  /** Stops routing Admin API calls to this simulator. */
  close: () => void;
}

export function startSimulator(options: { mode?: "immediate" | "manual"; now?: () => Date } = {}): SimulatorHarness {
  const webhooks = new WebhookDispatcher({
    secret: TEST_ENV.SHOPIFY_API_SECRET,
    apiVersion: "2026-10",
    target: (request) => callWebhookRoute(request),
    mode: options.mode ?? "manual",
    retryDelayMs: 1,
  });
  const sim = new StoreSimulator({
    apiKey: TEST_ENV.SHOPIFY_API_KEY,
    apiSecret: TEST_ENV.SHOPIFY_API_SECRET,
    webhooks,
    ...(options.now ? { now: options.now } : {}),
  });
  const operations: string[] = [];
  const losing = new Set<string>();
  const close = routeRequests(
    (url) => url.hostname.endsWith(".myshopify.com"),
    async (request) => {
      const name = request.url.includes("/graphql.json") ? await operationNameOf(request) : null;
      if (name) operations.push(name);
      const response = await sim.fetch(request);
      if (name && losing.delete(name)) throw new TypeError("fetch failed: the answer was lost");
      return response;
    },
  );
  return { sim, webhooks, operations, loseNextAnswer: (name) => void losing.add(name), close };
}

/**
 * A shop that has installed the app: the simulator knows it and its token, and the app holds
 * its offline session (stored through the app's real session storage) and its Shop row.
 */
export async function installShop(
  sim: StoreSimulator,
  domain: string,
  options: Pick<Parameters<StoreSimulator["createShop"]>[0], "plan" | "currency" | "timezone"> = {},
) {
  const accessToken = `shpat_test_${domain.split(".")[0]}`;
  sim.createShop({ domain, accessToken, ...options });
  const { sessionStorage } = await import("~/shopify.server");
  const { recordInstall } = await import("~/shops/shop-lifecycle.server");
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${domain}`,
      shop: domain,
      state: "",
      isOnline: false,
      accessToken,
      scope: TEST_ENV_SCOPES,
    }),
  );
  await recordInstall({ shop: domain, scopes: TEST_ENV_SCOPES });
  return { domain, accessToken };
}

async function operationNameOf(request: Request): Promise<string> {
  try {
    const body = (await request.clone().json()) as { query?: string; operationName?: string | null };
    return body.operationName ?? /\b(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? "anonymous";
  } catch {
    return "unreadable";
  }
}

const TEST_ENV_SCOPES =
  "read_orders,write_orders,read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders,read_third_party_fulfillment_orders,write_third_party_fulfillment_orders,read_locations,read_inventory";
