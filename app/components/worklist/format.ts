// Formatting for the worklist's rows. Pure; `now` comes from the loader so the server render and
// the browser agree.
import { en } from "~/i18n/en";

const HOUR_MS = 60 * 60_000;

/** How long an FO has waited, from when it opened: "3 d", "5 h", "< 1 h". */
export function formatAge(openedAt: string, now: string): string {
  const ms = Math.max(0, new Date(now).getTime() - new Date(openedAt).getTime());
  return en.worklist.age(Math.floor(ms / (24 * HOUR_MS)), Math.floor(ms / HOUR_MS));
}

/** "1,234". */
export const formatCount = (count: number) => count.toLocaleString("en");

/** Badges on the tabs: "1,234", or "1,000+" past the limit the loader counts to (WorklistView.counts). */
export const formatTabCount = (count: number, limit: number) =>
  count > limit ? en.worklist.countOver(limit) : formatCount(count);

/** The detail page of an FO (app/routes/app.fulfillment-orders.$id.tsx). */
export const detailPath = (fulfillmentOrderId: string) =>
  `/app/fulfillment-orders/${encodeURIComponent(fulfillmentOrderId)}`;
