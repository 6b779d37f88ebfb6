import { BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { en } from "~/i18n/en";
import { CANCEL_REASONS } from "~/stale-orders/options";
import type { SettingsView } from "~/stale-orders/views";

const t = en.staleOrders.policy;

/** The form's fields, named as the route's action reads them. */
export const POLICY_FIELDS = [
  "olderThanHours",
  "includePending",
  "includeExpiredAuthorizations",
  "includePartiallyPaid",
  "gateways",
  "excludedTags",
  "cancelReason",
  "notifyCustomer",
  "staffNote",
  "scheduleEnabled",
];
export type PolicyFields = Record<(typeof POLICY_FIELDS)[number], string>;

interface PolicyFormProps {
  settings: SettingsView;
  previewing: boolean;
  /** The action's message per field, shown on the field. */
  errors: Record<string, string>;
  /** A dry run with these fields: nothing is saved. */
  onPreview: (fields: PolicyFields) => void;
  /** Asks to save (the route confirms first). */
  onSave: (fields: PolicyFields) => void;
}

/** The policy as editable fields; emits them to preview or to save. */
export function PolicyForm({ settings, previewing, errors, onPreview, onSave }: PolicyFormProps) {
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

  const fields = (): PolicyFields => ({
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
            error={errors.olderThanHours}
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
            error={errors.gateways}
            autoComplete="off"
          />
          <TextField
            label={t.excludedTags}
            value={tags}
            onChange={setTags}
            helpText={t.excludedTagsHelp}
            error={errors.excludedTags}
            autoComplete="off"
          />
          <Select
            label={t.cancelReason}
            options={CANCEL_REASONS.map((value) => ({ value, label: en.staleOrders.reasons[value] ?? value }))}
            value={reason}
            onChange={setReason}
            error={errors.cancelReason}
          />
          <Checkbox label={t.notifyCustomer} checked={notify} onChange={setNotify} />
          <TextField
            label={t.staffNote}
            value={note}
            onChange={setNote}
            autoComplete="off"
            maxLength={255}
            error={errors.staffNote}
          />
          <Checkbox label={t.schedule} helpText={t.scheduleHelp} checked={schedule} onChange={setSchedule} />
        </FormLayout>
        <Text as="p" tone="subdued">
          {t.alwaysExcluded}
        </Text>
        <BlockStack gap="100">
          <InlineStack gap="200">
            <Button variant="primary" loading={previewing} onClick={() => onPreview(fields())}>
              {t.preview}
            </Button>
            <Button onClick={() => onSave(fields())}>{t.save}</Button>
          </InlineStack>
          <Text as="p" tone="subdued">
            {t.previewHelp}
          </Text>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
