import { Button, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import type { LocationForMoveView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";
import { ActionForm, type ActionFormContext, useActionForm } from "./action-form";

const t = en.actions.move;

/** Move the FO to one of the locations Shopify says can take it. */
export function MoveForm({ context, locations }: { context: ActionFormContext; locations: LocationForMoveView[] }) {
  const form = useActionForm("move", context);
  const movable = locations.filter((l) => l.movable);
  const [locationId, setLocationId] = useState("");
  if (movable.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {t.noLocations}
      </Text>
    );
  }
  return (
    <ActionForm form={form} fields={["locationId"]}>
      <Select
        label={t.location}
        name="locationId"
        placeholder={t.choose}
        options={locations.map((l) => ({
          value: l.id,
          label: l.movable ? l.name : t.notMovable(l.name, l.message),
          disabled: !l.movable,
        }))}
        value={locationId}
        onChange={setLocationId}
        error={form.errorFor("locationId")}
      />
      <InlineStack>
        <Button submit loading={form.submitting} disabled={!form.ready || locationId === ""}>
          {t.submit}
        </Button>
      </InlineStack>
    </ActionForm>
  );
}
