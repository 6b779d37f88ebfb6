import { Button, Checkbox, InlineStack, Select, TextField } from "@shopify/polaris";
import { TEXT_LIMITS } from "~/fulfillment/actions/contract";
import { useState } from "react";
import { OTHER_TRACKING_COMPANY, SUPPORTED_TRACKING_COMPANIES } from "~/fulfillment/detail/tracking-companies";
import type { LineItemView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";
import { LimitedTextField } from "../limited-text-field";
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
  const other = company === OTHER_TRACKING_COMPANY;
  const trackingCompany = other ? otherCompany.trim() : company;
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
        error={other ? undefined : form.errorFor("trackingCompany")}
      />
      {other && (
        <LimitedTextField
          label={t.otherCompanyName}
          value={otherCompany}
          onChange={setOtherCompany}
          autoComplete="off"
          limit={TEXT_LIMITS.trackingCompany}
          error={form.errorFor("trackingCompany")}
        />
      )}
      {trackingCompany && <input type="hidden" name="trackingCompany" value={trackingCompany} />}
      {/* The server refuses "Other carrier" without a name rather than fulfil without a carrier. */}
      <input type="hidden" name="otherCarrier" value={other ? "true" : "false"} />
      <LimitedTextField
        label={t.trackingNumber}
        name="trackingNumber"
        value={trackingNumber}
        onChange={setTrackingNumber}
        autoComplete="off"
        limit={TEXT_LIMITS.trackingNumber}
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
