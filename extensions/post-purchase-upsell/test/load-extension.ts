import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { type RemoteRoot, createRemoteRoot } from "@remote-ui/core";
import { type Plugin, build } from "esbuild";

// Loads the extension the way Shopify runs it: src/index.tsx bundled by esbuild into one script, with
// `react` resolved from this workspace only (Shopify CLI's bundler does the same "deduplicate React" step,
// because npm hoists @remote-ui/react next to the app's React 18), then run against a stand-in for the
// checkout's `self.shopify` global. The Render point draws into a real @remote-ui/core root.

const extensionDir = fileURLToPath(new URL("..", import.meta.url));
const reactPath = createRequire(`${extensionDir}/package.json`).resolve("react");

const dedupeReact: Plugin = {
  name: "dedupe-react",
  setup({ onResolve }) {
    onResolve({ filter: /^react$/ }, () => ({ path: reactPath }));
  },
};

let bundle: Promise<string> | undefined;
function bundled(): Promise<string> {
  bundle ??= build({
    entryPoints: [`${extensionDir}/src/index.tsx`],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [dedupeReact],
    logLevel: "silent",
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

type ExtensionPoint = (...args: never[]) => unknown;

interface LoadedExtension {
  shouldRender(input: unknown): Promise<{ render: boolean }>;
  render(input: unknown): RemoteRoot;
}

export async function loadExtension(): Promise<LoadedExtension> {
  const points = new Map<string, ExtensionPoint>();
  const shopify = { extend: (name: string, fn: ExtensionPoint) => points.set(name, fn), reload: () => {} };
  new Function("self", await bundled())({ shopify });
  const point = (name: string) => {
    const fn = points.get(name);
    if (!fn) throw new Error(`the extension did not register ${name}`);
    return fn as (...args: unknown[]) => unknown;
  };
  return {
    shouldRender: (input) => point("Checkout::PostPurchase::ShouldRender")(input) as Promise<{ render: boolean }>,
    render: (input) => {
      const root = createRemoteRoot(() => {});
      point("Checkout::PostPurchase::Render")(root, input);
      return root;
    },
  };
}
