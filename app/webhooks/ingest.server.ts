// Webhook ingestion: verify → record → acknowledge. Processing happens in a background job
// so the response goes back well inside Shopify's 5-second timeout
// (https://shopify.dev/docs/apps/build/webhooks/best-practices).
import { env } from "~/env.server";
import { authenticate } from "~/shopify.server";
import { readBodyWithin } from "./bounded-body";
import { recordDelivery } from "./inbox.server";
import { checkPayloadAgainstHeaders } from "./payload-check";
import { normalizeTopic, topicDefinition } from "./topics";

const ok = () => new Response(null, { status: 200 });
const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Any failure past the checks above — in practice the database: the session read inside
 * authenticate.webhook, or the inbox transaction — leaves the delivery unrecorded (the transaction
 * writes the delivery and its job together or not at all). Shopify retries a delivery that gets no
 * 2xx, 8 times over 4 hours (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism), so
 * the answer is a short 503: no error message or stack for the sender, the full error in our log.
 */
function notRecorded(error: unknown): Response {
  console.error(JSON.stringify({ event: "webhook.not_recorded", reason: String(error) }));
  return refuse(503, "Webhook not recorded: the app cannot reach its database. Shopify will deliver it again.");
}

/**
 * The action and loader of every `app/routes/webhooks.*.tsx`. The web entry serves the paths of
 * the routes whose action this is without Remix's routing (app/processes/webhook-fast-path.server.ts,
 * docs/decisions/0047-webhooks-skip-remix-routing.md); through Remix or not, this is what runs.
 */
export const webhookAction = ({ request }: { request: Request }) => ingestWebhook(request);

export async function ingestWebhook(request: Request): Promise<Response> {
  try {
    return await ingest(request);
  } catch (error) {
    // authenticate.webhook's 405/401/400 are Responses and stay what they are.
    if (error instanceof Response) throw error;
    return notRecorded(error);
  }
}

/**
 * The headers authenticate.webhook reads: Shopify's `X-Shopify-*`, and nothing else. The library
 * looks each one up by canonicalizing every header name it was given (@shopify/shopify-api's
 * getHeader), eleven lookups per delivery, and builds its own copy twice by canonicalizing the whole
 * copy again at every header it adds (addHeader), so each header more costs twenty-odd
 * canonicalizations (each a memo read since our patch of the library, docs/decisions/0052; a regular
 * expression replacement without it). What a proxy or load balancer adds tells it nothing; nor does
 * Content-Type, which it never reads for a webhook (lib/webhooks/validate.mjs) and which the body's
 * JSON.parse does not need. Content-Length goes too: the body is now the string read above.
 */
function webhookHeaders(request: Request): Headers {
  const headers = new Headers();
  for (const [name, value] of request.headers) {
    if (name.startsWith("x-shopify-")) headers.set(name, value);
  }
  return headers;
}

/**
 * X-Shopify-Triggered-At as a time the database can hold, or null. The header is not covered by the
 * HMAC, so it is the sender's word: a date that does not parse, or one outside years 1–9999 (which
 * neither Prisma nor PostgreSQL accept as a timestamp), is recorded as unknown rather than failing
 * the delivery, and with it the others written in the same transaction, with a 503.
 */
function triggeredAtOf(header: string | undefined): Date | null {
  if (!header) return null;
  const at = new Date(header);
  const year = at.getUTCFullYear();
  return Number.isNaN(year) || year < 1 || year > 9999 ? null : at;
}

async function ingest(request: Request): Promise<Response> {
  // authenticate.webhook reads the body and JSON.parses it (rounding ids above 2^53), so the
  // raw bytes are taken first: they are what the inbox stores. Read within a limit, before the
  // HMAC can be checked: the docs give no maximum for HTTPS deliveries, and a sender without the
  // secret must not make the app buffer an unbounded body (README.md#privacy-and-data-retention).
  let raw = "";
  let received = request;
  if (request.method === "POST") {
    const body = await readBodyWithin(request, env.WEBHOOK_MAX_BODY_BYTES);
    if (body.kind === "too-large")
      return refuse(413, `Webhook body larger than ${env.WEBHOOK_MAX_BODY_BYTES} bytes refused.`);
    raw = body.text;
    received = new Request(request.url, { method: request.method, headers: webhookHeaders(request), body: raw });
  }

  let context: Awaited<ReturnType<typeof authenticate.webhook>>;
  try {
    // Throws 405 (not POST), 401 (bad HMAC) and 400 (missing headers) as Responses.
    context = await authenticate.webhook(received);
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
  // The HMAC covers the body, not the headers: the body must agree with the topic and shop the
  // headers claim before anything is recorded (payload-check.ts).
  const check = checkPayloadAgainstHeaders(definition.kind, context.shop, context.payload);
  if (!check.ok) {
    console.warn(
      JSON.stringify({ event: "webhook.headers_mismatch", shop: context.shop, topic, reason: check.reason }),
    );
    return refuse(400, `Webhook body does not match its headers: ${check.reason}.`);
  }
  // A shop without an offline session has uninstalled the app: nothing to do, but Shopify
  // must not retry. Lifecycle and compliance topics still count.
  if (!context.session && !definition.processWithoutSession) return ok();

  const eventId = "eventId" in context && typeof context.eventId === "string" ? context.eventId : null;
  const triggeredAt = "triggeredAt" in context ? triggeredAtOf(context.triggeredAt) : null;
  await recordDelivery({
    shop: context.shop,
    topic,
    webhookId: context.webhookId,
    eventId,
    triggeredAt,
    apiVersion: context.apiVersion ?? null,
    payload: raw,
  });
  return ok();
}
