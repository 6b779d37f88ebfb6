// A run's report as CSV (RFC 4180): one row per order line, so the merchant can reconcile units.
import type { RunItemView, RunView } from "./views";

const HEADER = ["run", "order", "result", "reason", "sku", "location", "units_released"];

function cell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // Quote always; double embedded quotes. A leading =,+,-,@ is prefixed so spreadsheets don't run it.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function runReportCsv(run: Pick<RunView, "id">, items: RunItemView[]): string {
  const rows: (string | number | null)[][] = [HEADER];
  for (const item of items) {
    const released = item.status === "cancelled";
    const lines = item.lines.length > 0 ? item.lines : [null];
    for (const line of lines) {
      rows.push([
        run.id,
        item.orderName,
        item.status,
        item.outcome,
        line?.sku ?? null,
        line?.locationName ?? null,
        line ? (released ? line.quantity : 0) : 0,
      ]);
    }
  }
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
