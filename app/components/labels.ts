// Shopify's enum values as every screen names them: one label per value, wherever it shows.
import { humanizeEnum } from "~/components/status-badge";
import type { RejectionView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";

/** A FulfillmentHoldReason: the same words in the queue, on the FO, in its history and in forms. */
export const holdReasonLabel = (reason: string) => en.actions.hold.reasons[reason] ?? humanizeEnum(reason);

/** A FulfillmentOrderRejectionReason, or "No reason given". */
export const rejectionReasonLabel = (reason: string | null) =>
  reason
    ? (en.fulfillmentOrder.rejection.reasons[reason] ?? humanizeEnum(reason))
    : en.fulfillmentOrder.rejection.noReason;

/** "Inventory out of stock: Can't fulfil…", as the queue's Rejected tab shows it. */
export const rejectionSummary = (rejection: RejectionView) =>
  en.fulfillmentOrder.rejection.short(rejectionReasonLabel(rejection.reason), rejection.message);
