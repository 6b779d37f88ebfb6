// The recorded patches of dependencies (this folder; `npm ci` applies them through postinstall,
// docs/decisions/0052-patch-shopify-api-header-names.md) are in place, and the patched code still
// answers what the library's own code answered.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { canonicalizeHeaders, getHeader } from "@shopify/shopify-api/runtime";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

describe("the patch of @shopify/shopify-api's header names", () => {
  it("is applied to both builds of the library", () => {
    // The package's exports hide its package.json; its main entry is dist/cjs/lib/index.js.
    const root = require.resolve("@shopify/shopify-api").replace(/dist\/cjs\/lib\/index\.js$/, "");
    for (const file of ["dist/esm/runtime/http/headers.mjs", "dist/cjs/runtime/http/headers.js"]) {
      expect(readFileSync(`${root}${file}`, "utf8"), file).toContain("const canonicalNames = new Map();");
    }
  });

  it("still finds a header whatever its case, and canonicalizes names as before", () => {
    const headers = canonicalizeHeaders({ "x-shopify-hmac-sha256": "a", "X-SHOPIFY-TOPIC": "orders/create" });
    expect(Object.keys(headers).sort()).toEqual(["X-Shopify-Hmac-Sha256", "X-Shopify-Topic"]);
    expect(getHeader(headers, "x-shopify-topic")).toBe("orders/create");
    expect(getHeader(headers, "X-Shopify-Hmac-SHA256")).toBe("a");
    // Many distinct names (a sender's choosing) are answered right past the cache's bound too.
    const many = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`x-custom-${i}`, String(i)]));
    expect(getHeader(canonicalizeHeaders(many), "X-CUSTOM-1499")).toBe("1499");
  });
});
