// Webhook ingestion: verify → record → acknowledge. Processing happens in a background job
// so the response goes back well inside Shopify's 5-second timeout
// (https://shopify.dev/docs/apps/build/webhooks/best-practices).
import { authenticate } from "~/shopify.server";
import { recordDelivery } from "./inbox.server";
import { normalizeTopic, topicDefinition } from "./topics";

const ok = () => new Response(null, { status: 200 });

export async function ingestWebhook(request: Request): Promise<Response> {
  // authenticate.webhook reads the body and JSON.parses it (rounding ids above 2^53), so the
  // raw bytes are taken first: they are what the inbox stores.
  const raw = request.method === "POST" ? await request.clone().text() : "";

  let context: Awaited<ReturnType<typeof authenticate.webhook>>;
  try {
    // Throws 405 (not POST), 401 (bad HMAC) and 400 (missing headers) as Responses.
    context = await authenticate.webhook(request);
  } catch (error) {
    // A correctly signed body that is not JSON.
    if (error instanceof SyntaxError) return new Response(null, { status: 400, statusText: "Bad Request" });
    throw error;
  }

  const topic = normalizeTopic(context.topic);
  const definition = topicDefinition(topic);
  if (!definition) {
    console.info(JSON.stringify({ event: "webhook.unknown_topic", shop: context.shop, topic }));
    return ok();
  }
  // A shop without an offline session has uninstalled the app: nothing to do, but Shopify
  // must not retry. Lifecycle and compliance topics still count.
  if (!context.session && !definition.processWithoutSession) return ok();

  const eventId = "eventId" in context && typeof context.eventId === "string" ? context.eventId : null;
  const triggeredAt = "triggeredAt" in context && context.triggeredAt ? new Date(context.triggeredAt) : null;
  await recordDelivery({
    shop: context.shop,
    topic,
    webhookId: context.webhookId,
    eventId,
    triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
    apiVersion: context.apiVersion ?? null,
    payload: raw,
  });
  return ok();
}
