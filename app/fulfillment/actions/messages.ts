// Merchant-facing messages of performFulfillmentAction. The strings live in app/i18n with every
// other UI string. Pure.
import { actionMessages } from "~/i18n/sections/action-messages";

export const ACTION_MESSAGES = actionMessages;
