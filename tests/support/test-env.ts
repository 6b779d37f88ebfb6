/** The app's environment in tests: fake credentials, never a real Partner app's. */
export const TEST_ENV = {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret-0123456789",
  SHOPIFY_APP_URL: "https://fulfillment-desk.test",
  DEMO_MODE: "0",
  // A spawned worker keeps the priority of the test run that started it: at nice 10 it would get a tenth of a
  // core while other test files run beside it, and its tests would time out by chance. The nice value itself
  // is tested where it is the subject (app/processes/worker-process.idle.test.ts).
  WORKER_NICE: "0",
} as const;
