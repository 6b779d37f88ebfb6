// Calls the app's real webhook route module for a request, as Remix would: the route file is
// picked from the URL path (/webhooks/orders/create → app/routes/webhooks.orders.create.tsx),
// and a thrown Response (405/401/400 from authenticate.webhook) becomes the response.
import { signWebhook } from "../../simulator/webhooks";
import { TEST_ENV } from "./test-env";

type RouteModule = { action: (args: { request: Request; params: object; context: object }) => Promise<Response> };

const routes = import.meta.glob<RouteModule>("../../app/routes/webhooks.*.tsx");

export async function callWebhookRoute(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\//, "").split("/").join(".");
  const load = routes[`../../app/routes/${path}.tsx`];
  if (!load) return new Response(null, { status: 404 });
  const route = await load();
  try {
    return await route.action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const APP_URL = TEST_ENV.SHOPIFY_APP_URL;

/** A webhook request signed as Shopify signs it; `body` is sent byte for byte. */
export function signedWebhook(input: {
  topic: string;
  shop: string;
  body: string;
  webhookId?: string;
  eventId?: string;
  secret?: string;
  method?: string;
  omitHeaders?: string[];
  /** Header values that replace the signed ones (the HMAC covers the body only). */
  setHeaders?: Record<string, string>;
}): Request {
  const signed = signWebhook({
    secret: input.secret ?? TEST_ENV.SHOPIFY_API_SECRET,
    topic: input.topic,
    shop: input.shop,
    body: input.body,
    apiVersion: "2026-10",
    ...(input.webhookId ? { webhookId: input.webhookId } : {}),
    ...(input.eventId ? { eventId: input.eventId } : {}),
  });
  const headers = new Headers(signed.headers);
  for (const name of input.omitHeaders ?? []) headers.delete(name);
  for (const [name, value] of Object.entries(input.setHeaders ?? {})) headers.set(name, value);
  const method = input.method ?? "POST";
  return new Request(`${APP_URL}/webhooks/${input.topic}`, {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: signed.body }),
  });
}
