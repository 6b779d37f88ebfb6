import { BlockStack, Button, InlineStack, List, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { type MoveChoices, moveChoices } from "~/fulfillment/detail/move-choices";
import type { LocationForMoveView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";
import { ActionForm, type ActionFormContext, useActionForm } from "./action-form";

const t = en.actions.move;

/** The locations Shopify won't move the FO to, each with Shopify's reason. */
function Refused({ refused }: { refused: MoveChoices["refused"] }) {
  if (refused.length === 0) return null;
  return (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {t.notMovableHeading}
      </Text>
      <List>
        {refused.map((l) => (
          <List.Item key={l.id}>{t.notMovable(l.name, l.reason)}</List.Item>
        ))}
      </List>
    </BlockStack>
  );
}

/** Move the FO to one of the locations Shopify says can take it; the others, and why not, below. */
export function MoveForm({ context, locations }: { context: ActionFormContext; locations: LocationForMoveView[] }) {
  const form = useActionForm("move", context);
  const { choices, refused } = moveChoices(locations);
  const [locationId, setLocationId] = useState("");
  if (choices.length === 0) {
    return (
      <BlockStack gap="200">
        <Text as="p" tone="subdued">
          {t.noLocations}
        </Text>
        <Refused refused={refused} />
      </BlockStack>
    );
  }
  const note = choices.find((c) => c.value === locationId)?.note;
  return (
    <ActionForm form={form} fields={["locationId"]}>
      <Select
        label={t.location}
        name="locationId"
        placeholder={t.choose}
        options={choices.map(({ value, label }) => ({ value, label }))}
        value={locationId}
        onChange={setLocationId}
        helpText={note ?? undefined}
        error={form.errorFor("locationId")}
      />
      <InlineStack>
        <Button submit loading={form.submitting} disabled={!form.ready || locationId === ""}>
          {t.submit}
        </Button>
      </InlineStack>
      <Refused refused={refused} />
    </ActionForm>
  );
}
