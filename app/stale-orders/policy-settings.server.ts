// The shop's stale-order policy (one row per shop, defaults until first saved).
import { z } from "zod";
import { prisma } from "~/db.server";
import { recordAuditEvent } from "./audit.server";
import { CANCEL_REASONS, type CancelReason, oneOf } from "./options";
import { DEFAULT_POLICY, type StaleOrderPolicySettings } from "./policy";

export interface StaleOrderSettings {
  policy: StaleOrderPolicySettings;
  cancelReason: CancelReason;
  notifyCustomer: boolean;
  staffNote: string | null;
  scheduleEnabled: boolean;
}

export const DEFAULT_SETTINGS: StaleOrderSettings = {
  policy: DEFAULT_POLICY,
  cancelReason: "DECLINED",
  notifyCustomer: false,
  staffNote: null,
  scheduleEnabled: false,
};

const StringList = z.array(z.string());
const parseList = (text: string): string[] => {
  try {
    const parsed = StringList.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
};

export async function loadStaleOrderSettings(shop: string): Promise<StaleOrderSettings> {
  const row = await prisma.staleOrderPolicy.findUnique({ where: { shop } });
  if (!row) return DEFAULT_SETTINGS;
  return {
    policy: {
      olderThanHours: row.olderThanHours,
      includePending: row.includePending,
      includeExpiredAuthorizations: row.includeExpiredAuthorizations,
      includePartiallyPaid: row.includePartiallyPaid,
      gateways: parseList(row.gateways),
      excludedTags: parseList(row.excludedTags),
    },
    cancelReason: oneOf(CANCEL_REASONS, row.cancelReason, "DECLINED"),
    notifyCustomer: row.notifyCustomer,
    staffNote: row.staffNote,
    scheduleEnabled: row.scheduleEnabled,
  };
}

export async function saveStaleOrderSettings(
  shop: string,
  settings: StaleOrderSettings,
  actor: string | null,
): Promise<StaleOrderSettings> {
  const data = {
    olderThanHours: settings.policy.olderThanHours,
    includePending: settings.policy.includePending,
    includeExpiredAuthorizations: settings.policy.includeExpiredAuthorizations,
    includePartiallyPaid: settings.policy.includePartiallyPaid,
    gateways: JSON.stringify(settings.policy.gateways),
    excludedTags: JSON.stringify(settings.policy.excludedTags),
    cancelReason: settings.cancelReason,
    notifyCustomer: settings.notifyCustomer,
    staffNote: settings.staffNote,
    scheduleEnabled: settings.scheduleEnabled,
  };
  const before = await loadStaleOrderSettings(shop);
  await prisma.staleOrderPolicy.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  await recordAuditEvent({
    shop,
    actor,
    action: "stale-orders.policy-saved",
    detail: { before, after: settings },
  });
  return settings;
}

export async function listShopsWithStaleOrderSchedule(): Promise<string[]> {
  const rows = await prisma.staleOrderPolicy.findMany({ where: { scheduleEnabled: true }, select: { shop: true } });
  return rows.map((r) => r.shop);
}
