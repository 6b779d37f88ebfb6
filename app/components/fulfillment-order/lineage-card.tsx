import { Link } from "@remix-run/react";
import { BlockStack, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { StatusBadge } from "~/components/status-badge";
import { fulfillmentOrderPath, shortId } from "~/fulfillment/detail/derive";
import type { FulfillmentOrderDetailView, RelatedFulfillmentOrderView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";

const t = en.fulfillmentOrder.lineage;

function Related({ label, fo }: { label: string; fo: RelatedFulfillmentOrderView }) {
  return (
    <InlineStack gap="200" blockAlign="center" wrap>
      <Text as="span" tone="subdued">
        {label}
      </Text>
      <Link to={fulfillmentOrderPath(fo.shopifyId)}>{`Fulfillment order ${shortId(fo.shopifyId)}`}</Link>
      <StatusBadge value={fo.status} />
      {fo.requestStatus && fo.requestStatus !== "UNSUBMITTED" && <StatusBadge value={fo.requestStatus} />}
      {fo.locationName && (
        <Text as="span" variant="bodySm">
          {fo.locationName}
        </Text>
      )}
      {fo.remainingQuantity !== null && (
        <Text as="span" variant="bodySm" tone="subdued">
          {t.remaining(fo.remainingQuantity)}
        </Text>
      )}
    </InlineStack>
  );
}

/** Where this FO came from (split, moved, partial request, replacement) and what came from it. */
export function LineageCard({ lineage }: { lineage: FulfillmentOrderDetailView["lineage"] }) {
  return (
    <SectionCard heading={t.heading} empty={!lineage.parent && lineage.children.length === 0 ? t.none : null}>
      {lineage.parent && <Related label={t.parentReason[lineage.parent.reason]} fo={lineage.parent} />}
      {lineage.children.length > 0 && (
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t.derivedHeading}
          </Text>
          {lineage.children.map((child) => (
            <Related key={child.shopifyId} label={t.childReason[child.reason]} fo={child} />
          ))}
        </BlockStack>
      )}
    </SectionCard>
  );
}
