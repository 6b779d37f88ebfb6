// Leaky-bucket throttling per app+shop, refilled continuously at restoreRate/s.
// https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
// https://shopify.dev/docs/api/usage/limits#the-leaky-bucket-algorithm
import type { BucketSpec, PlanInput, SimShop } from "../types";

// Plan buckets: Standard 2,000 points restoring 100/s, Advanced 4,000/200,
// Plus 20,000/1,000 (bucket = 20 s of restore rate).
const PLANS: Record<string, BucketSpec> = {
  basic: { bucketSize: 2000, restoreRate: 100 },
  standard: { bucketSize: 2000, restoreRate: 100 },
  advanced: { bucketSize: 4000, restoreRate: 200 },
  plus: { bucketSize: 20000, restoreRate: 1000 },
};

export function bucketSpec(plan: PlanInput): BucketSpec {
  if (typeof plan !== "string") return plan;
  const spec = PLANS[plan];
  if (!spec) throw new Error(`Unknown plan ${plan}`);
  return spec;
}

export function refill(shop: SimShop, nowMs: number): void {
  const spec = bucketSpec(shop.plan);
  const elapsed = Math.max(0, nowMs - shop.bucket.updatedAtMs) / 1000;
  shop.bucket.available = Math.min(spec.bucketSize, shop.bucket.available + elapsed * spec.restoreRate);
  shop.bucket.updatedAtMs = nowMs;
}

export function throttleStatus(shop: SimShop): {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
} {
  const spec = bucketSpec(shop.plan);
  return {
    maximumAvailable: spec.bucketSize,
    currentlyAvailable: Math.floor(shop.bucket.available),
    restoreRate: spec.restoreRate,
  };
}
