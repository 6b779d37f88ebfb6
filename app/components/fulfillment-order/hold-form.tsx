import { Button, Checkbox, InlineStack, Select } from "@shopify/polaris";
import { useState } from "react";
import { MERCHANT_HOLD_REASONS, TEXT_LIMITS } from "~/fulfillment/actions/contract";
import type { LineItemView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";
import { LimitedTextField } from "../limited-text-field";
import { ActionForm, type ActionFormContext, useActionForm } from "./action-form";
import { LineQuantityFields } from "./line-quantity-fields";
import { holdReasonLabel } from "~/components/labels";

const t = en.actions.hold;

/** Place a hold: one of Shopify's reasons, notes, and optionally only some quantities. */
export function HoldForm({ context, lines }: { context: ActionFormContext; lines: LineItemView[] }) {
  const form = useActionForm("hold", context);
  const [reason, setReason] = useState<string>(MERCHANT_HOLD_REASONS[0] ?? "OTHER");
  const [reasonNotes, setReasonNotes] = useState("");
  const [notifyMerchant, setNotifyMerchant] = useState(false);
  const [byLine, setByLine] = useState<Record<string, number>>({});
  return (
    <ActionForm form={form} fields={["reason", "reasonNotes", ...lines.map((_, i) => `lines.${i}.quantity`)]}>
      <Select
        label={t.reason}
        name="reason"
        options={MERCHANT_HOLD_REASONS.map((value) => ({ value, label: holdReasonLabel(value) }))}
        value={reason}
        onChange={setReason}
        error={form.errorFor("reason")}
      />
      <LimitedTextField
        label={t.reasonNotes}
        name="reasonNotes"
        value={reasonNotes}
        onChange={setReasonNotes}
        autoComplete="off"
        limit={TEXT_LIMITS.reasonNotes}
        error={form.errorFor("reasonNotes")}
      />
      <Checkbox label={t.notifyMerchant} checked={notifyMerchant} onChange={setNotifyMerchant} />
      <input type="hidden" name="notifyMerchant" value={notifyMerchant ? "true" : "false"} />
      <LineQuantityFields lines={lines} byLine={byLine} onChange={setByLine} errorFor={form.errorFor} idPrefix="hold" />
      <InlineStack>
        <Button submit loading={form.submitting} disabled={!form.ready}>
          {t.submit}
        </Button>
      </InlineStack>
    </ActionForm>
  );
}
