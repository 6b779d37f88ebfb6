import { Button, Checkbox, InlineStack, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { OTHER_TRACKING_COMPANY, SUPPORTED_TRACKING_COMPANIES } from "~/fulfillment/detail/tracking-companies";
import type { LineItemView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";
import { ActionForm, type ActionFormContext, useActionForm } from "./action-form";
import { LineQuantityFields } from "./line-quantity-fields";

const t = en.actions.fulfil;

const COMPANY_OPTIONS = [
  { value: "", label: t.noCompany },
  ...SUPPORTED_TRACKING_COMPANIES.map((name) => ({ value: name, label: name })),
  { value: OTHER_TRACKING_COMPANY, label: t.otherCompany },
];

/** Fulfil chosen quantities with tracking (a carrier from Shopify's list, or another one). */
export function FulfilForm({ context, lines }: { context: ActionFormContext; lines: LineItemView[] }) {
  const form = useActionForm("fulfil", context);
  const [byLine, setByLine] = useState<Record<string, number>>({});
  const [company, setCompany] = useState("");
  const [otherCompany, setOtherCompany] = useState("");
  const [trackingNumber, setTrackingNumber] = useState("");
  const [trackingUrl, setTrackingUrl] = useState("");
  const [notifyCustomer, setNotifyCustomer] = useState(true);
  const trackingCompany = company === OTHER_TRACKING_COMPANY ? otherCompany.trim() : company;
  return (
    <ActionForm
      form={form}
      fields={["trackingCompany", "trackingNumber", "trackingUrl", ...lines.map((_, i) => `lines.${i}.quantity`)]}
    >
      <LineQuantityFields
        lines={lines}
        byLine={byLine}
        onChange={setByLine}
        errorFor={form.errorFor}
        idPrefix="fulfil"
      />
      <Select
        label={t.trackingCompany}
        options={COMPANY_OPTIONS}
        value={company}
        onChange={setCompany}
        error={company === OTHER_TRACKING_COMPANY ? undefined : form.errorFor("trackingCompany")}
      />
      {company === OTHER_TRACKING_COMPANY && (
        <TextField
          label={t.otherCompanyName}
          value={otherCompany}
          onChange={setOtherCompany}
          autoComplete="off"
          maxLength={100}
          error={form.errorFor("trackingCompany")}
        />
      )}
      {trackingCompany && <input type="hidden" name="trackingCompany" value={trackingCompany} />}
      <TextField
        label={t.trackingNumber}
        name="trackingNumber"
        value={trackingNumber}
        onChange={setTrackingNumber}
        autoComplete="off"
        maxLength={100}
        error={form.errorFor("trackingNumber")}
      />
      <TextField
        label={t.trackingUrl}
        name="trackingUrl"
        type="url"
        value={trackingUrl}
        onChange={setTrackingUrl}
        autoComplete="off"
        error={form.errorFor("trackingUrl")}
      />
      <Checkbox label={t.notifyCustomer} checked={notifyCustomer} onChange={setNotifyCustomer} />
      <input type="hidden" name="notifyCustomer" value={notifyCustomer ? "true" : "false"} />
      <InlineStack>
        <Button submit variant="primary" loading={form.submitting} disabled={!form.ready}>
          {t.submit}
        </Button>
      </InlineStack>
    </ActionForm>
  );
}
