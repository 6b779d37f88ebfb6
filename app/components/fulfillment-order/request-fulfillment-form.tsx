import { Button, Checkbox, InlineStack } from "@shopify/polaris";
import { useState } from "react";
import { TEXT_LIMITS } from "~/fulfillment/actions/contract";
import type { LineItemView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";
import { LimitedTextField } from "../limited-text-field";
import { ActionForm, type ActionFormContext, useActionForm } from "./action-form";
import { LineQuantityFields } from "./line-quantity-fields";

const t = en.actions;

/** Ask the fulfillment service to fulfil everything remaining, or chosen quantities. */
export function RequestFulfillmentForm({ context, lines }: { context: ActionFormContext; lines: LineItemView[] }) {
  const form = useActionForm("request-fulfillment", context);
  const [byLine, setByLine] = useState<Record<string, number>>({});
  const [message, setMessage] = useState("");
  const [notifyCustomer, setNotifyCustomer] = useState(false);
  return (
    <ActionForm form={form} fields={["message", "notifyCustomer", ...lines.map((_, i) => `lines.${i}.quantity`)]}>
      <LineQuantityFields
        lines={lines}
        byLine={byLine}
        onChange={setByLine}
        errorFor={form.errorFor}
        idPrefix="request"
      />
      <LimitedTextField
        label={t.request.message}
        name="message"
        value={message}
        onChange={setMessage}
        autoComplete="off"
        multiline={2}
        limit={TEXT_LIMITS.message}
        error={form.errorFor("message")}
      />
      <Checkbox label={t.request.notifyCustomer} checked={notifyCustomer} onChange={setNotifyCustomer} />
      <input type="hidden" name="notifyCustomer" value={notifyCustomer ? "true" : "false"} />
      <InlineStack>
        <Button submit variant="primary" loading={form.submitting} disabled={!form.ready}>
          {t.request.submit}
        </Button>
      </InlineStack>
    </ActionForm>
  );
}
