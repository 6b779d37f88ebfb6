import { Modal, Text } from "@shopify/polaris";
import { en } from "~/i18n/en";

const t = en.staleOrders.policy.saveConfirm;

interface SaveSettingsModalProps {
  open: boolean;
  /** Whether the settings being saved switch the daily schedule on. */
  scheduleEnabled: boolean;
  submitting: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Saving is its own step: it says plainly whether the app will cancel orders every day on its own. */
export function SaveSettingsModal({ open, scheduleEnabled, submitting, onConfirm, onClose }: SaveSettingsModalProps) {
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={t.title}
      primaryAction={{
        content: scheduleEnabled ? t.confirmScheduleOn : t.confirm,
        destructive: scheduleEnabled,
        loading: submitting,
        onAction: onConfirm,
      }}
      secondaryActions={[{ content: t.back, onAction: onClose }]}
    >
      <Modal.Section>
        <Text as="p">{scheduleEnabled ? t.scheduleOn : t.scheduleOff}</Text>
      </Modal.Section>
    </Modal>
  );
}
