// The reason picker for a bulk hold. Shopify's cross-sell hold reason is not the merchant's to pick.
import { BlockStack, Modal, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { MERCHANT_HOLD_REASONS } from "~/fulfillment/actions/contract";
import { en } from "~/i18n/en";
import { holdReasonLabel } from "~/components/labels";

const t = en.worklist.holdModal;

export interface HoldModalProps {
  open: boolean;
  count: number;
  onClose: () => void;
  onSubmit: (hold: { reason: string; reasonNotes: string }) => void;
}

export function HoldModal({ open, count, onClose, onSubmit }: HoldModalProps) {
  const [reason, setReason] = useState<string>("OTHER");
  const [notes, setNotes] = useState("");
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.title(count)}
      primaryAction={{ content: t.submit, onAction: () => onSubmit({ reason, reasonNotes: notes.trim() }) }}
      secondaryActions={[{ content: t.cancel, onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <Select
            label={t.reason}
            options={MERCHANT_HOLD_REASONS.map((value) => ({ value, label: holdReasonLabel(value) }))}
            value={reason}
            onChange={setReason}
          />
          <TextField label={t.notes} value={notes} onChange={setNotes} maxLength={255} autoComplete="off" />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
