// The dry run: which orders a policy would cancel, which it leaves alone and why, and how many
// units each SKU gets back at each location. Pure, so the screen and the run agree on the sums.
import {
  evaluateStaleOrder,
  type ExclusionReason,
  type ReservedLine,
  type StaleOrderPolicySettings,
  type StaleOrderSnapshot,
} from "./policy";

export interface PreviewCandidate {
  id: string;
  name: string;
  createdAt: string;
  ageHours: number;
  financialStatus: string | null;
  gateways: string[];
  customer: string | null;
  lines: ReservedLine[];
  units: number;
}

export interface PreviewExclusion {
  id: string;
  name: string;
  financialStatus: string | null;
  reason: ExclusionReason;
}

export interface UnitsReleased {
  sku: string;
  locationId: string;
  locationName: string;
  quantity: number;
}

export interface StaleOrderPreview {
  generatedAt: string;
  candidates: PreviewCandidate[];
  excluded: PreviewExclusion[];
  totals: UnitsReleased[];
}

export function buildPreview(
  orders: StaleOrderSnapshot[],
  policy: StaleOrderPolicySettings,
  now: Date,
): StaleOrderPreview {
  const candidates: PreviewCandidate[] = [];
  const excluded: PreviewExclusion[] = [];
  const seen = new Set<string>();
  for (const order of orders) {
    if (seen.has(order.id)) continue;
    seen.add(order.id);
    const decision = evaluateStaleOrder(order, policy, now);
    if (!decision.eligible) {
      excluded.push({
        id: order.id,
        name: order.name,
        financialStatus: order.financialStatus,
        reason: decision.reason,
      });
      continue;
    }
    const lines = order.reservedLines ?? [];
    candidates.push({
      id: order.id,
      name: order.name,
      createdAt: order.createdAt,
      ageHours: Math.floor((now.getTime() - Date.parse(order.createdAt)) / 3_600_000),
      financialStatus: order.financialStatus,
      gateways: order.gateways,
      customer: order.customer,
      lines,
      units: lines.reduce((n, l) => n + l.quantity, 0),
    });
  }
  return { generatedAt: now.toISOString(), candidates, excluded, totals: unitsReleased(candidates) };
}

/** Units per SKU and location over the given candidates, sorted for a stable display. */
export function unitsReleased(candidates: { lines: ReservedLine[] }[]): UnitsReleased[] {
  const byKey = new Map<string, UnitsReleased>();
  for (const line of candidates.flatMap((c) => c.lines)) {
    const key = `${line.sku}\u0000${line.locationId}`;
    const entry = byKey.get(key);
    if (entry) entry.quantity += line.quantity;
    else
      byKey.set(key, {
        sku: line.sku,
        locationId: line.locationId,
        locationName: line.locationName,
        quantity: line.quantity,
      });
  }
  return [...byKey.values()].sort((a, b) => a.sku.localeCompare(b.sku) || a.locationName.localeCompare(b.locationName));
}
