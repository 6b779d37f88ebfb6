// The shop's stale-order policy (one row per shop, defaults until first saved).
import { toJsonColumn, type JsonColumn } from "~/db/json-column";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { prisma } from "~/db.server";
import { isUniqueViolation } from "~/db/unique-violation";
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

/** The ActionRequest intent that records a settings save's idempotency key. */
const SAVE_SETTINGS_INTENT = "stale-orders.save-settings";

const StringList = z.array(z.string());
const parseList = (stored: JsonColumn): string[] => {
  const parsed = StringList.safeParse(stored);
  return parsed.success ? parsed.data : [];
};

export async function loadStaleOrderSettings(
  shop: string,
  db: Pick<Prisma.TransactionClient, "staleOrderPolicy"> = prisma,
): Promise<StaleOrderSettings> {
  const row = await db.staleOrderPolicy.findUnique({ where: { shop } });
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

type SaveSettingsResult = "saved" | "unchanged" | "already-saved";

/**
 * Saves the settings and audits the change in one transaction, once per idempotency key: a
 * double or concurrent submit of one dialog saves once and records one audit event.
 */
export async function saveStaleOrderSettings(
  shop: string,
  settings: StaleOrderSettings,
  actor: string | null,
  idempotencyKey: string,
): Promise<SaveSettingsResult> {
  const data = {
    olderThanHours: settings.policy.olderThanHours,
    includePending: settings.policy.includePending,
    includeExpiredAuthorizations: settings.policy.includeExpiredAuthorizations,
    includePartiallyPaid: settings.policy.includePartiallyPaid,
    gateways: toJsonColumn(settings.policy.gateways),
    excludedTags: toJsonColumn(settings.policy.excludedTags),
    cancelReason: settings.cancelReason,
    notifyCustomer: settings.notifyCustomer,
    staffNote: settings.staffNote,
    scheduleEnabled: settings.scheduleEnabled,
  };
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.actionRequest.create({
        data: { shop, idempotencyKey, intent: SAVE_SETTINGS_INTENT, actor, status: "succeeded" },
      });
      const before = await loadStaleOrderSettings(shop, tx);
      if (JSON.stringify(before) === JSON.stringify(settings)) return "unchanged";
      await tx.staleOrderPolicy.upsert({ where: { shop }, create: { shop, ...data }, update: data });
      await recordAuditEvent(
        { shop, actor, action: "stale-orders.policy-saved", detail: { before, after: settings } },
        tx,
      );
      return "saved";
    });
  } catch (error) {
    if (isUniqueViolation(error)) return "already-saved";
    throw error;
  }
}

export async function listShopsWithStaleOrderSchedule(): Promise<string[]> {
  const rows = await prisma.staleOrderPolicy.findMany({ where: { scheduleEnabled: true }, select: { shop: true } });
  return rows.map((r) => r.shop);
}
