// The one Admin API version the app speaks. shopify.app.toml's [webhooks] api_version
// must equal it (asserted in app/shopify/api-version.test.ts). Every operation must also
// validate against PREVIOUS_API_VERSION (app/shopify/admin/operations.contract.test.ts).
export const API_VERSION = "2026-10" as const;
export const PREVIOUS_API_VERSION = "2026-07" as const;
