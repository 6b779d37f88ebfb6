// `npm run demo`: Fulfillment Desk against a simulated Shopify store, offline.
// Order matters: env → fetch replaced → migrations → simulator + seed → only then the app.
// Everything after the fetch guard is imported dynamically so that nothing can capture
// the real fetch first.
import { applyDemoEnv, DemoRefusedInProductionError } from "./demo/demo-env";
import { migrateDemoDatabase, resetDefaultDemoDatabase } from "./demo/migrate-demo-db";
import { installDemoFetch } from "./demo/outbound-fetch";

async function main(): Promise<void> {
  const startedAt = performance.now();
  const env = applyDemoEnv(process.env);
  const demoFetch = installDemoFetch();
  resetDefaultDemoDatabase(env.databaseUrl);
  migrateDemoDatabase(env.databaseUrl);

  const { StoreSimulator } = await import("../simulator/store-simulator");
  const { seedDemoShop } = await import("./demo/seed-demo-shop");
  const sim = new StoreSimulator({
    apiKey: process.env.SHOPIFY_API_KEY ?? "",
    apiSecret: process.env.SHOPIFY_API_SECRET ?? "",
  });
  const seeded = await seedDemoShop(sim, new Date());
  demoFetch.routeShopsTo(sim);

  const { serveApp } = await import("./demo/serve-app");
  const served = await serveApp(env.port);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const locations = Object.values(seeded.locations).map((l) => l.name);
  console.log(`Seeded ${seeded.shop}: ${seeded.orders.length} orders across ${locations.join(", ")}.`);
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
