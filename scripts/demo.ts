// `npm run demo`: Fulfillment Desk against a simulated Shopify store, offline.
// Order matters: env → fetch replaced → migrations → simulator + seed → only then the app.
// Everything after the fetch guard is imported dynamically so that nothing can capture
// the real fetch first.
import { markDemoServer } from "../app/demo/demo-guard";
import { applyDemoEnv, DemoRefusedInProductionError } from "./demo/demo-env";
import { migrateDemoDatabase, resetDefaultDemoDatabase } from "./demo/migrate-demo-db";
import { turnOnDemoAutomation } from "./demo/demo-automation";
import { startOrderTrickle, trickleSeconds } from "./demo/order-trickle";
import { installDemoFetch } from "./demo/outbound-fetch";

async function main(): Promise<void> {
  const startedAt = performance.now();
  const env = applyDemoEnv(process.env);
  const trickle = trickleSeconds(process.env);
  // The one process demo mode may run in (app/demo/demo-guard.ts), marked before any app module loads.
  markDemoServer();
  // The simulator's webhooks go to this very server over loopback: the only real fetch left.
  const loopbackFetch = globalThis.fetch;
  const demoFetch = installDemoFetch();
  resetDefaultDemoDatabase(env.databaseUrl);
  migrateDemoDatabase(env.databaseUrl);

  const { StoreSimulator } = await import("../simulator/store-simulator");
  const { WebhookDispatcher } = await import("../simulator/webhooks");
  const { seedDemoShop } = await import("./demo/seed-demo-shop");
  // Webhooks wait in the queue until the app is listening, then are delivered signed, like
  // Shopify's, to the app's real webhook routes.
  const webhooks = new WebhookDispatcher({
    secret: process.env.SHOPIFY_API_SECRET ?? "",
    apiVersion: "2026-10",
    target: { baseUrl: env.appUrl },
    fetch: loopbackFetch,
    mode: "manual",
  });
  const sim = new StoreSimulator({
    apiKey: process.env.SHOPIFY_API_KEY ?? "",
    apiSecret: process.env.SHOPIFY_API_SECRET ?? "",
    webhooks,
  });
  const seeded = await seedDemoShop(sim, new Date());
  const { registerDemoSimulator } = await import("../app/demo/demo-simulator.server");
  registerDemoSimulator(sim);
  // The "simulate a checkout" control calls the app's post-purchase endpoints as the extension
  // would: over HTTP, to this very server.
  const { registerDemoAppPost } = await import("../app/demo/demo-checkout.server");
  const { postOverHttp } = await import("../simulator/post-purchase-buyer");
  registerDemoAppPost(postOverHttp(loopbackFetch, env.appUrl));
  demoFetch.routeShopsTo(sim);

  const { serveApp } = await import("./demo/serve-app");
  const served = await serveApp(env.port);
  // Install the app in the demo shop as a merchant would by opening it: the launch URL's
  // session token goes through the real authenticate.admin, token exchange and afterAuth
  // (which queues the 60-day backfill). Only then are the queued webhooks delivered.
  const opened = await loopbackFetch(`${env.appUrl}/demo/launch`, {
    headers: {
      "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
    },
  });
  if (!opened.ok) throw new Error(`Installing the demo app failed: ${opened.status} at ${opened.url}`);
  await webhooks.flush();
  const deliverWebhooks = setInterval(() => {
    if (webhooks.queued > 0)
      webhooks.flush().catch((error: unknown) => console.error("webhook delivery failed", error));
  }, 500);
  deliverWebhooks.unref();
  // Once installed, new orders keep arriving at the 3PL, and automation (on with the trickle)
  // requests them by the demo's rules.
  if (trickle > 0) await turnOnDemoAutomation(seeded.shop);
  startOrderTrickle(sim, seeded.shop, trickle);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const locations = Object.values(seeded.locations).map((l) => l.name);
  console.log(`Seeded ${seeded.shop}: ${seeded.orders.length} orders across ${locations.join(", ")}.`);
  console.log(
    trickle > 0
      ? `A simulated order arrives at ${seeded.locations.threePl.name} every ${trickle}s and automation requests it by the demo's rules (DEMO_ORDER_TRICKLE_SECONDS=0 turns both off).`
      : "No simulated orders trickle in (DEMO_ORDER_TRICKLE_SECONDS=0).",
  );
  console.log(`Fulfillment Desk demo is ready at ${env.appUrl} (started in ${seconds}s)`);

  const shutdown = () => {
    served.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof DemoRefusedInProductionError) {
    console.error(error.message);
  } else {
    console.error("The demo failed to start:", error);
  }
  process.exit(1);
});
