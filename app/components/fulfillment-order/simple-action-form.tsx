import { Button, InlineStack } from "@shopify/polaris";
import { useState } from "react";
import { type ActionIntent, TEXT_LIMITS } from "~/fulfillment/actions/contract";
import { LimitedTextField } from "../limited-text-field";
import { ActionForm, type ActionFormContext, useActionForm } from "./action-form";

/**
 * An action that is one button (cancel request, ready for pickup, picked up), optionally with a
 * message for the fulfillment service (request cancellation).
 */
export function SimpleActionForm({
  context,
  intent,
  label,
  messageLabel,
  variant,
}: {
  context: ActionFormContext;
  intent: Extract<ActionIntent, "cancel-request" | "request-cancellation" | "ready-for-pickup" | "picked-up">;
  label: string;
  messageLabel?: string;
  variant?: "primary" | "secondary";
}) {
  const form = useActionForm(intent, context);
  const [message, setMessage] = useState("");
  return (
    <ActionForm form={form} fields={messageLabel ? ["message"] : []}>
      {messageLabel && (
        <LimitedTextField
          label={messageLabel}
          name="message"
          value={message}
          onChange={setMessage}
          autoComplete="off"
          limit={TEXT_LIMITS.message}
          error={form.errorFor("message")}
        />
      )}
      <InlineStack>
        <Button submit variant={variant ?? "secondary"} loading={form.submitting} disabled={!form.ready}>
          {label}
        </Button>
      </InlineStack>
    </ActionForm>
  );
}
