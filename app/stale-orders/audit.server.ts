// The activity feed: who ran what, when, with which policy, and what changed. Append-only.
import { toJsonColumn, type JsonColumn } from "~/db/json-column";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import type { AuditEventView } from "./views";

type AuditAction =
  | "stale-orders.policy-saved"
  | "stale-orders.run-started"
  | "stale-orders.run-finished"
  | "stale-orders.run-failed"
  | "stale-orders.order-cancelled"
  | "stale-orders.order-skipped"
  | "stale-orders.order-failed"
  // The pickup board's cancel and restock (app/fulfillment/pickup/cancel-and-restock.server.ts).
  | "pickup.order-cancelled"
  | "pickup.order-cancel-failed"
  | "pickup.order-found-cancelled"
  // The automation settings screen (app/automation/rule-store.server.ts).
  | "automation.rules_saved"
  | "automation.switches_changed"
  // A rejected or incomplete FO requested again from the rejection inbox (app/fulfillment/rejections/).
  | "rejection.resubmitted"
  // An automatic request Shopify refused, handed back to automation from the rejection inbox.
  | "automation.retry_requested";

export async function recordAuditEvent(
  event: {
    shop: string;
    actor: string | null;
    action: AuditAction;
    subject?: string | null;
    detail?: Record<string, unknown>;
    at?: Date;
  },
  db: Prisma.TransactionClient = prisma,
): Promise<void> {
  await db.auditEvent.create({
    data: {
      shop: event.shop,
      actor: event.actor,
      action: event.action,
      subject: event.subject ?? null,
      detail: toJsonColumn(event.detail ?? {}),
      ...(event.at ? { at: event.at } : {}),
    },
  });
}

const parseDetail = (stored: JsonColumn): Record<string, unknown> =>
  stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};

export async function listStaleOrderActivity(shop: string, take = 30): Promise<AuditEventView[]> {
  const rows = await prisma.auditEvent.findMany({
    where: { shop, action: { startsWith: "stale-orders." } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    detail: parseDetail(r.detail),
    at: r.at.toISOString(),
  }));
}
