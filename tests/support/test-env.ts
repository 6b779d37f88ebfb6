/** The app's environment in tests: fake credentials, never a real Partner app's. */
export const TEST_ENV = {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret-0123456789",
  SHOPIFY_APP_URL: "https://fulfillment-desk.test",
  DEMO_MODE: "0",
} as const;
