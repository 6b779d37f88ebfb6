// Demo mode talks to no network. Every outbound fetch of this process goes to the store
// simulator when it is for a *.myshopify.com shop, and fails loudly otherwise. Installed
// first thing, before the simulator or the app is loaded: @shopify/shopify-api's node
// adapter captures globalThis.fetch when it is imported.
import type { StoreSimulator } from "../../simulator/store-simulator";

export class DemoOutboundRequestError extends Error {
  constructor(readonly target: string) {
    super(`Demo mode refused an outbound request to ${target}: only the simulated shop is reachable.`);
    this.name = "DemoOutboundRequestError";
  }
}

type ShopFetch = StoreSimulator["fetch"];

export interface DemoFetch {
  /** From now on, requests to shops go to this simulator. */
  routeShopsTo(sim: { fetch: ShopFetch }): void;
}

const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;

export function installDemoFetch(): DemoFetch {
  let shopFetch: ShopFetch | null = null;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (shopFetch && SHOP_HOST.test(url.hostname)) return shopFetch(input, init);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const error = new DemoOutboundRequestError(`${method} ${url.href}`);
    console.error(`✖ ${error.message}`);
    throw error;
  };
  return {
    routeShopsTo(sim) {
      shopFetch = sim.fetch;
    },
  };
}
