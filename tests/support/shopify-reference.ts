// Shopify's reference data lives in ../shared/shopify beside the project (CI always has it;
// see ../shared/README.md). It is read in place, never copied into the project.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SHARED_SHOPIFY_DIR = process.env.SHOPIFY_REFERENCE_DIR ?? resolve(PROJECT_ROOT, "..", "shared", "shopify");

function required(path: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `Shopify reference data is missing at ${path}: clone the project beside shared/, or set SHOPIFY_REFERENCE_DIR`,
    );
  }
  return path;
}

/** Directory of Shopify's sample webhook payloads, one file per topic (orders__create.json). */
export function webhookSamplesDir(): string {
  return required(join(SHARED_SHOPIFY_DIR, "webhooks"));
}

/** Path of the sample payload for a topic such as "orders/create". */
export function webhookSamplePath(topic: string): string {
  return required(join(webhookSamplesDir(), `${topic.replace("/", "__")}.json`));
}
