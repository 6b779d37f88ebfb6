// The reason picker for a bulk hold. Shopify's cross-sell hold reason is not the merchant's to pick.
import { BlockStack, Modal, Select } from "@shopify/polaris";
import { useState } from "react";
import { MERCHANT_HOLD_REASONS, TEXT_LIMITS } from "~/fulfillment/actions/contract";
import { en } from "~/i18n/en";
import { holdReasonLabel } from "~/components/labels";
import { isTooLong, LimitedTextField } from "../limited-text-field";

const t = en.worklist.holdModal;

interface HoldModalProps {
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
      primaryAction={{
        content: t.submit,
        disabled: isTooLong(notes.trim(), TEXT_LIMITS.reasonNotes),
        onAction: () => onSubmit({ reason, reasonNotes: notes.trim() }),
      }}
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
          <LimitedTextField
            label={t.notes}
            value={notes}
            onChange={setNotes}
            limit={TEXT_LIMITS.reasonNotes}
            autoComplete="off"
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
