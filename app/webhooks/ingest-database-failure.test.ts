// A database failure in the middle of recording a delivery: the answer is a clean 503 (Shopify
// retries) and nothing is half-written. The queue's job table is renamed away (the `Job` table, or
// pg-boss's) so the inbox transaction fails after the delivery's insert; that is why this file is on its own.
import { Session } from "@shopify/shopify-api";
import { expect, it } from "vitest";
import { prisma } from "~/db.server";
import { hideJobStoreForTests } from "~/jobs/runtime.server";
import { sessionStorage } from "~/shopify.server";
import { allowConsoleError } from "../../tests/support/console-guard";
import { callWebhookRoute, signedWebhook } from "../../tests/support/webhook-routes";

const SHOP = "failing-db.myshopify.com";

it("answers 503 with a short message and leaves no delivery when its job cannot be written", async () => {
  // GIVEN an installed shop whose database loses the job table
  await sessionStorage.storeSession(
    new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_x" }),
  );
  await hideJobStoreForTests();
  allowConsoleError(/webhook\.not_recorded/);

  // WHEN Shopify delivers a correctly signed webhook
  const response = await callWebhookRoute(
    signedWebhook({
      topic: "orders/create",
      shop: SHOP,
      body: JSON.stringify({ id: 1, admin_graphql_api_id: "gid://shopify/Order/1" }),
    }),
  );

  // THEN it is told to retry, without an error message or stack, and the delivery's row was rolled
  // back with its job
  expect(response.status).toBe(503);
  expect(await response.text()).toBe(
    "Webhook not recorded: the app cannot reach its database. Shopify will deliver it again.",
  );
  expect(await prisma.webhookDelivery.count()).toBe(0);
});
