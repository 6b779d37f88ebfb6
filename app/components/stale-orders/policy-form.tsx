import { BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { en } from "~/i18n/en";
import { CANCEL_REASONS } from "~/stale-orders/options";
import type { SettingsView } from "~/stale-orders/views";

const t = en.staleOrders.policy;

export interface PolicyFormProps {
  settings: SettingsView;
  previewing: boolean;
  saving: boolean;
  /** Form fields as the route's action expects them. */
  onSubmit: (intent: "preview" | "save-settings", fields: Record<string, string>) => void;
}

/** The policy as editable fields; emits them with the chosen intent. */
export function PolicyForm({ settings, previewing, saving, onSubmit }: PolicyFormProps) {
  const [hours, setHours] = useState(String(settings.policy.olderThanHours));
  const [pending, setPending] = useState(settings.policy.includePending);
  const [expired, setExpired] = useState(settings.policy.includeExpiredAuthorizations);
  const [partial, setPartial] = useState(settings.policy.includePartiallyPaid);
  const [gateways, setGateways] = useState(settings.policy.gateways.join(", "));
  const [tags, setTags] = useState(settings.policy.excludedTags.join(", "));
  const [reason, setReason] = useState<string>(settings.cancelReason);
  const [notify, setNotify] = useState(settings.notifyCustomer);
  const [note, setNote] = useState(settings.staffNote ?? "");
  const [schedule, setSchedule] = useState(settings.scheduleEnabled);

  const fields = (): Record<string, string> => ({
    olderThanHours: hours,
    includePending: String(pending),
    includeExpiredAuthorizations: String(expired),
    includePartiallyPaid: String(partial),
    gateways,
    excludedTags: tags,
    cancelReason: reason,
    notifyCustomer: String(notify),
    staffNote: note,
    scheduleEnabled: String(schedule),
  });

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t.heading}
        </Text>
        <FormLayout>
          <TextField
            label={t.olderThanHours}
            type="number"
            min={1}
            value={hours}
            onChange={setHours}
            helpText={t.olderThanHelp}
            autoComplete="off"
          />
          <BlockStack gap="100">
            <Text as="p" variant="bodyMd">
              {t.statuses}
            </Text>
            <Checkbox label={t.includePending} checked={pending} onChange={setPending} />
            <Checkbox label={t.includeExpired} checked={expired} onChange={setExpired} />
            <Checkbox label={t.includePartiallyPaid} checked={partial} onChange={setPartial} />
          </BlockStack>
          <TextField
            label={t.gateways}
            value={gateways}
            onChange={setGateways}
            helpText={t.gatewaysHelp}
            autoComplete="off"
          />
          <TextField
            label={t.excludedTags}
            value={tags}
            onChange={setTags}
            helpText={t.excludedTagsHelp}
            autoComplete="off"
          />
          <Select
            label={t.cancelReason}
            options={CANCEL_REASONS.map((value) => ({ value, label: en.staleOrders.reasons[value] ?? value }))}
            value={reason}
            onChange={setReason}
          />
          <Checkbox label={t.notifyCustomer} checked={notify} onChange={setNotify} />
          <TextField label={t.staffNote} value={note} onChange={setNote} autoComplete="off" maxLength={255} />
          <Checkbox label={t.schedule} helpText={t.scheduleHelp} checked={schedule} onChange={setSchedule} />
        </FormLayout>
        <Text as="p" tone="subdued">
          {t.alwaysExcluded}
        </Text>
        <InlineStack gap="200">
          <Button variant="primary" loading={previewing} onClick={() => onSubmit("preview", fields())}>
            {t.preview}
          </Button>
          <Button loading={saving} onClick={() => onSubmit("save-settings", fields())}>
            {t.save}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
