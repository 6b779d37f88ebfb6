import { BlockStack, Modal, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { en } from "~/i18n/en";
import { TYPED_CONFIRMATION_THRESHOLD } from "~/stale-orders/options";

const t = en.staleOrders.confirm;

interface ConfirmRunModalProps {
  open: boolean;
  orders: number;
  units: number;
  notifyCustomer: boolean;
  submitting: boolean;
  onConfirm: (confirmCount: number | null) => void;
  onClose: () => void;
}

/** States what a run will do; above the threshold the merchant types the number of orders. */
export function ConfirmRunModal({
  open,
  orders,
  units,
  notifyCustomer,
  submitting,
  onConfirm,
  onClose,
}: ConfirmRunModalProps) {
  const [typed, setTyped] = useState("");
  const mustType = orders > TYPED_CONFIRMATION_THRESHOLD;
  const matches = !mustType || Number(typed) === orders;
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.title(orders)}
      primaryAction={{
        content: t.confirm,
        destructive: true,
        disabled: !matches,
        loading: submitting,
        onAction: () => onConfirm(mustType ? Number(typed) : null),
      }}
      secondaryActions={[{ content: t.back, onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <Text as="p">{t.body(orders, units)}</Text>
          <Text as="p" tone="subdued">
            {t.notify(notifyCustomer)}
          </Text>
          {mustType ? (
            <TextField
              label={t.typeNumber(orders)}
              value={typed}
              onChange={setTyped}
              autoComplete="off"
              inputMode="numeric"
              error={typed !== "" && !matches ? t.typeMismatch : undefined}
            />
          ) : null}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
