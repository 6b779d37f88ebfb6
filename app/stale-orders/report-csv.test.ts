import { describe, expect, it } from "vitest";
import { runReportCsv } from "./report-csv";

const line = (sku: string, quantity: number) => ({
  sku,
  title: sku,
  locationId: "L1",
  locationName: "Warehouse",
  quantity,
});

describe("runReportCsv", () => {
  it("writes one row per previewed line, counting units only for cancelled orders", () => {
    const csv = runReportCsv({ id: "run1" }, [
      {
        orderId: "o1",
        orderName: "#1001",
        status: "cancelled",
        outcome: null,
        lines: [line("MUG-1", 2), line("TEE-1", 1)],
      },
      { orderId: "o2", orderName: "#1002", status: "skipped", outcome: "paid", lines: [line("MUG-1", 3)] },
      { orderId: "o3", orderName: "#1003", status: "failed", outcome: 'Shopify said "no"', lines: [] },
    ]);
    expect(csv.split("\r\n")).toEqual([
      '"run","order","result","reason","sku","location","units_released"',
      '"run1","#1001","cancelled","","MUG-1","Warehouse","2"',
      '"run1","#1001","cancelled","","TEE-1","Warehouse","1"',
      '"run1","#1002","skipped","paid","MUG-1","Warehouse","0"',
      '"run1","#1003","failed","Shopify said ""no""","","","0"',
      "",
    ]);
  });

  it("defuses spreadsheet formulas in Shopify-supplied text", () => {
    const csv = runReportCsv({ id: "r" }, [
      { orderId: "o", orderName: "=HYPERLINK(1)", status: "failed", outcome: "+1", lines: [] },
    ]);
    expect(csv).toContain(`"'=HYPERLINK(1)","failed","'+1"`);
  });
});
