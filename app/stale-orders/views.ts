// What the stale-order screen receives from its loader and actions. Pure types.
import type { CancelReason, ItemStatus, RunStatus } from "./options";
import type { ReservedLine, StaleOrderPolicySettings } from "./policy";
import type { StaleOrderPreview, UnitsReleased } from "./preview";

export type { StaleOrderPreview };

export interface AuditEventView {
  id: string;
  actor: string | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
  at: string;
}

export interface SettingsView {
  policy: StaleOrderPolicySettings;
  cancelReason: CancelReason;
  notifyCustomer: boolean;
  staffNote: string | null;
  scheduleEnabled: boolean;
}

export interface RunItemView {
  orderId: string;
  orderName: string;
  status: ItemStatus;
  outcome: string | null;
  lines: ReservedLine[];
}

export interface RunView {
  id: string;
  trigger: "manual" | "scheduled";
  actor: string | null;
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  cancelled: number;
  skipped: number;
  failed: number;
  /** Orders the merchant selected (0: every eligible order), checked while the run is preparing. */
  selected: number;
  /** Selected, but already cancelled or in flight in another run. */
  alreadyHandled: number;
  /** Selected, but no longer eligible when the run was prepared (paid meanwhile, gone…). */
  noLongerEligible: number;
  /** Why a failed run could not be prepared. */
  failureReason: string | null;
  previewedUnits: UnitsReleased[];
}

export interface StaleOrdersScreenView {
  settings: SettingsView;
  runs: RunView[];
  /** The newest run's items, shown under its progress bar. */
  latestItems: RunItemView[];
  activity: AuditEventView[];
}

/** Share of a run's orders that reached a final state, 0–100. */
export function progressOf(run: Pick<RunView, "total" | "cancelled" | "skipped" | "failed">): number {
  if (run.total === 0) return 100;
  return Math.round(((run.cancelled + run.skipped + run.failed) / run.total) * 100);
}
