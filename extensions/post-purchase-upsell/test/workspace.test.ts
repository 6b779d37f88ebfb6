import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";

// The workspace as Shopify CLI and npm see it.
const extensionDir = fileURLToPath(new URL("..", import.meta.url));
const reactVersion = (fromDir: string) =>
  (createRequire(`${fromDir}/package.json`)("react/package.json") as { version: string }).version;

describe("the extension workspace", () => {
  it("declares a checkout_post_purchase extension with a handle (shopify.extension.toml)", () => {
    const config = parse(readFileSync(`${extensionDir}/shopify.extension.toml`, "utf8")) as {
      extensions: { type: string; name: string; handle: string }[];
    };

    expect(config.extensions).toEqual([
      { type: "checkout_post_purchase", name: "Post-purchase upsell", handle: "post-purchase-upsell" },
    ]);
  });

  it("runs on React 17, as the post-purchase package requires, while the app keeps React 18", () => {
    expect(reactVersion(extensionDir)).toMatch(/^17\./);
    expect(reactVersion(fileURLToPath(new URL("../../..", import.meta.url)))).toMatch(/^18\./);
  });
});
