import { BlockStack, Button, Text } from "@shopify/polaris";
import type { ActionAvailability } from "~/fulfillment/actions/contract";
import { en } from "~/i18n/en";

/** An action the merchant can't take right now: its button, disabled, and why. */
export function UnavailableReason({ availability }: { availability: ActionAvailability }) {
  return (
    <BlockStack gap="100" inlineAlign="start">
      <Button disabled>{en.actions.intent[availability.intent]}</Button>
      <Text as="p" variant="bodySm" tone="subdued">
        {availability.reason ?? en.actions.unavailable}
      </Text>
    </BlockStack>
  );
}
