// The "Not collected" row's cancel and restock: a button, the confirmation modal (order, items,
// location; reason, refund, notify, staff note) and the row's progress. Posts to the board's own
// action with a fresh idempotency key per answer; a success is toasted through App Bridge, then
// the board revalidates and the row goes. A stale page offers Reload, like the FO actions.
import {
  Banner,
  BlockStack,
  Button,
  Checkbox,
  InlineStack,
  Modal,
  Select,
  Spinner,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { ActionResultBanners, useIdempotentFetcher } from "~/components/fulfillment-order/action-form";
import type { PickupOrderView } from "~/fulfillment/pickup/board";
import {
  CANCEL_AND_RESTOCK_FIELDS,
  CANCEL_AND_RESTOCK_INTENT,
  type CancelAndRestockResult,
  DEFAULT_CANCEL_REASON,
  STAFF_NOTE_MAX,
} from "~/fulfillment/pickup/cancel-and-restock";
import { en } from "~/i18n/en";
import { CANCEL_REASONS } from "~/stale-orders/options";

const t = en.pickup.cancel;

export function CancelAndRestock({ order }: { order: PickupOrderView }) {
  const [open, setOpen] = useState(false);
  const form = useIdempotentFetcher<CancelAndRestockResult>(() => setOpen(false));
  const [reason, setReason] = useState<string>(DEFAULT_CANCEL_REASON);
  const [refund, setRefund] = useState(order.refundable);
  const [notifyCustomer, setNotifyCustomer] = useState(true);
  const [staffNote, setStaffNote] = useState("");

  if (order.cancellation?.status === "cancelling") {
    return (
      <BlockStack gap="100">
        <InlineStack gap="200" blockAlign="center">
          <Spinner size="small" accessibilityLabel={t.cancelling} />
          <Text as="span" fontWeight="semibold">
            {t.cancelling}
          </Text>
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          {t.cancellingHelp}
        </Text>
      </BlockStack>
    );
  }

  const noteTooLong = staffNote.trim().length > STAFF_NOTE_MAX;
  const location = order.locationName ?? t.unknownLocation;

  const confirm = () =>
    form.fetcher.submit(
      {
        intent: CANCEL_AND_RESTOCK_INTENT,
        fulfillmentOrderId: order.fulfillmentOrderId,
        expectedUpdatedAt: order.expectedUpdatedAt,
        idempotencyKey: form.idempotencyKey,
        reason,
        refund: String(order.refundable && refund),
        notifyCustomer: String(notifyCustomer),
        staffNote,
      },
      { method: "post" },
    );

  return (
    <BlockStack gap="100" inlineAlign="start">
      <Button
        tone="critical"
        size="slim"
        onClick={() => setOpen(true)}
        disabled={!form.ready}
        accessibilityLabel={t.buttonLabel(order.orderName)}
      >
        {t.button}
      </Button>
      {order.cancellation?.status === "failed" && order.cancellation.error && (
        <Text as="p" variant="bodySm" tone="critical">
          {`${t.failedTitle}: ${order.cancellation.error}`}
        </Text>
      )}
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={t.title(order.orderName)}
        primaryAction={{
          content: t.confirm,
          destructive: true,
          loading: form.submitting,
          disabled: noteTooLong || !form.ready,
          onAction: confirm,
        }}
        secondaryActions={[{ content: t.back, onAction: () => setOpen(false) }]}
      >
        <Modal.Section>
          <BlockStack gap="300">
            <ActionResultBanners result={form.result} fields={CANCEL_AND_RESTOCK_FIELDS} />
            <Text as="p">{t.summary(order.remainingQuantity, location)}</Text>
            <Banner tone="warning">
              <Text as="p">{t.irreversible}</Text>
            </Banner>
            <Select
              label={t.reason}
              options={CANCEL_REASONS.map((value) => ({ value, label: t.reasons[value] ?? value }))}
              value={reason}
              onChange={setReason}
              error={form.errorFor("reason")}
            />
            {order.refundable ? (
              <Checkbox
                label={t.refund}
                helpText={t.refundHelp}
                checked={refund}
                onChange={setRefund}
                error={form.errorFor("refund")}
              />
            ) : (
              <Text as="p" tone="subdued">
                {t.nothingToRefund}
              </Text>
            )}
            <Checkbox
              label={t.notifyCustomer}
              checked={notifyCustomer}
              onChange={setNotifyCustomer}
              error={form.errorFor("notifyCustomer")}
            />
            <TextField
              label={t.staffNote}
              helpText={t.staffNoteHelp}
              value={staffNote}
              onChange={setStaffNote}
              autoComplete="off"
              multiline={2}
              showCharacterCount
              error={noteTooLong ? t.staffNoteTooLong(STAFF_NOTE_MAX) : form.errorFor("staffNote")}
            />
          </BlockStack>
        </Modal.Section>
      </Modal>
    </BlockStack>
  );
}
