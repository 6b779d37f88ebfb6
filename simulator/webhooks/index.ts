// Public surface of the simulator's webhook side.
//
//   const dispatcher = new WebhookDispatcher({ secret, apiVersion: "2026-10", target: (req) => action({ request: req }) });
//   const sim = new StoreSimulator({ ..., webhooks: dispatcher });   // core calls dispatcher.emit(...)
//   dispatcher.duplicateNext(1, "orders/paid");                      // then act on the sim
//   await dispatcher.idle();                                         // and assert on the app's ledger
//
// Payloads: `TOPIC_PAYLOAD_BUILDERS` / named builders (payloads.ts).
// Hand-made requests: `signWebhook` (sign-webhook.ts).
// Shape checks against Shopify's samples: `shapeDifferences` (key-tree.ts).
export * from "./types";
export * from "./payloads";
export * from "./sign-webhook";
export * from "./delivery-order";
export * from "./webhook-dispatcher";
export * from "./key-tree";
