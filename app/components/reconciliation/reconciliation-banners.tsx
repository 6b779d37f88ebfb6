import { Banner, InlineStack, Spinner, Text } from "@shopify/polaris";
import { en } from "~/i18n/en";
import type { ActiveReconcileView } from "~/health/types";

const t = en.reconciliation;

/** Shown while a sync or backfill is queued or running; the route polls until it is gone. */
export function ActiveReconcileBanner({ activeReconciles }: { activeReconciles: ActiveReconcileView[] }) {
  if (activeReconciles.length === 0) return null;
  const title = activeReconciles.map((sync) => `${t.active[sync.kind]} ${t.active[sync.status]}`).join(" · ");
  return (
    <Banner tone="info" title={title}>
      <InlineStack gap="200" blockAlign="center">
        <Spinner size="small" accessibilityLabel={title} />
        <Text as="p">{t.active.body}</Text>
      </InlineStack>
    </Banner>
  );
}

/** Unaccounted must be 0. When a recent run says otherwise, the page leads with it. */
export function UnaccountedBanner({ runsWithUnaccounted }: { runsWithUnaccounted: number }) {
  if (runsWithUnaccounted === 0) return null;
  return (
    <Banner tone="critical" title={t.unaccountedTitle}>
      <p>{t.unaccountedBody(runsWithUnaccounted)}</p>
    </Banner>
  );
}
