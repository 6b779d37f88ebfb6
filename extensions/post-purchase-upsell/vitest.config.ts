import { defineConfig } from "vitest/config";

// The extension's own tests: they bundle src/ as Shopify CLI does and run it against a stand-in checkout.
export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 15_000,
  },
});
