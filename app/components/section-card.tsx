import { BlockStack, Card, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

/** A detail-page card: its heading, what to say when it has nothing to show, then its content. */
export function SectionCard({
  heading,
  empty,
  children,
}: {
  heading: string;
  /** Shown under the heading when set: the card's empty state. */
  empty?: string | null;
  children?: ReactNode;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {heading}
        </Text>
        {empty && (
          <Text as="p" tone="subdued">
            {empty}
          </Text>
        )}
        {children}
      </BlockStack>
    </Card>
  );
}
