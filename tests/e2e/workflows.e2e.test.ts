// The fulfillment workflows in a real browser against `npm run demo`'s server: each test places
// an order through the demo's simulator controls (POST /demo/simulator), waits for its webhooks
// to reach the ledger, works the detail page or the pickup board as a merchant would, and then
// checks both what the screen shows and what the simulated Shopify now holds.
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserApp } from "../support/browser-app";
import { seriousAccessibilityViolations } from "../support/axe";
import { shown } from "../support/page-checks";

interface SimFo {
  id: string;
  status: string;
  requestStatus: string;
  locationId: string;
  preparedForPickup: boolean;
  holds: { id: string; reason: string; heldByApp: { title: string } | null }[];
  lineItems: { id: string; totalQuantity: number; remainingQuantity: number }[];
}
interface SimOrderRead {
  order: { id: string; name: string };
  status: { displayFulfillmentStatus: string; displayFinancialStatus: string; cancelled: boolean };
  fulfillmentOrders: SimFo[];
}

/** Polls `read` until `accept` holds (the demo delivers webhooks within about a second). */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(last).slice(0, 2_000)}`);
    await new Promise((done) => setTimeout(done, 300));
    last = await read();
  }
  return last;
}

describe("fulfillment workflows in a real browser", () => {
  const app = browserApp();

  const simulator = <T>(command: Record<string, unknown>) => app.simulator<T>(command);

  const readOrder = (orderId: string) => simulator<SimOrderRead>({ command: "read-order", orderId });

  async function createOrder(location: "warehouse" | "3pl" | "pickup", lines: { sku: string; quantity: number }[]) {
    return simulator<{ order: { id: string; name: string }; fulfillmentOrders: SimFo[] }>({
      command: "create-order",
      location,
      lines,
    });
  }

  const newPage = () => app.newPage();
  const inApp = (path: string) => app.inApp(path);

  /** Opens an FO's detail page, reloading until the ledger has it (its webhooks have arrived). */
  async function openFulfillmentOrder(page: Page, foId: string, orderName: string) {
    await page.goto(inApp(`/app/fulfillment-orders/${encodeURIComponent(foId)}`));
    const heading = page.getByRole("heading", { level: 1, name: new RegExp(`^${orderName} · `) });
    const deadline = Date.now() + 60_000;
    while (!(await heading.isVisible())) {
      if (Date.now() > deadline) await shown(heading, 1);
      if (await page.getByText("Fulfillment order not found").first().isVisible()) {
        await page.waitForTimeout(500);
        await page.reload();
      } else {
        await page.waitForTimeout(250);
      }
    }
    await page.waitForLoadState("networkidle");
  }

  /** Opens the pickup board, reloading until the new order (its webhooks) is there; its Ready button. */
  async function openPickupBoardWith(page: Page, orderName: string) {
    await page.goto(inApp("/app/pickup"));
    await shown(page.getByRole("heading", { level: 1, name: "Local pickup" }));
    const ready = page.getByRole("button", { name: `Mark ready for pickup ${orderName}` });
    await until(
      async () => {
        if (await ready.isVisible()) return true;
        await page.reload();
        await page.waitForLoadState("networkidle");
        return ready.isVisible();
      },
      Boolean,
      "the pickup order on the board",
    );
    return ready;
  }

  const storeStock = async (sku: string) =>
    (await simulator<Record<string, { available: number; committed: number }>>({ command: "inventory", sku }))[
      "Downtown Store"
    ]!;

  const toast = (page: Page, text: string | RegExp) =>
    shown(page.getByRole("status").filter({ hasText: text, visible: true }).first(), 30_000);
  const section = (page: Page, name: string) => page.getByRole("region", { name });

  async function expectNoSeriousAxeViolations(page: Page) {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  beforeAll(() => app.launch());

  it("(a) requests part of a 3PL order, the 3PL accepts it, then the remainder is requested", async () => {
    const created = await createOrder("3pl", [
      { sku: "MUG-SAND", quantity: 2 },
      { sku: "TEE-BLK-M", quantity: 1 },
    ]);
    const foId = created.fulfillmentOrders[0]!.id;
    const page = await newPage();
    await openFulfillmentOrder(page, foId, created.order.name);

    // WHEN the merchant requests one mug and no tee
    const request = section(page, "Request fulfillment");
    await request.getByLabel(/Ceramic Mug/).fill("1");
    await request.getByLabel(/Organic Tee/).fill("0");
    await request.getByLabel("Message to the fulfillment service").fill("Please gift wrap");
    await request.getByRole("button", { name: "Send request" }).click();
    await toast(page, /request/i);

    // THEN Shopify holds a submitted FO with one mug and an unsubmitted remainder…
    const afterRequest = await until(
      () => readOrder(created.order.id),
      (o) => o.fulfillmentOrders.length === 2,
      "the partial request's split",
    );
    const submitted = afterRequest.fulfillmentOrders.find((fo) => fo.requestStatus === "SUBMITTED")!;
    const remainder = afterRequest.fulfillmentOrders.find((fo) => fo.requestStatus === "UNSUBMITTED")!;
    expect(submitted.lineItems.map((li) => li.remainingQuantity)).toEqual([1]);
    expect(remainder.lineItems.reduce((n, li) => n + li.remainingQuantity, 0)).toBe(2);
    // …and the page links both
    const lineage = page.locator("text=Related fulfillment orders").locator("..");
    await shown(page.getByRole("link", { name: `Fulfillment order #${remainder.id.split("/").pop()}` }));
    expect(await lineage.isVisible()).toBe(true);

    // WHEN the 3PL accepts the submitted part
    await simulator({ command: "accept-request", fulfillmentOrderId: submitted.id });
    // THEN the page (after a reload) says Accepted and only offers a cancellation request
    await until(
      async () => {
        await page.reload();
        await page.waitForLoadState("networkidle");
        return page
          .getByRole("region", { name: "Request cancellation" })
          .getByRole("button", { name: "Request cancellation" })
          .isVisible();
      },
      Boolean,
      "the accepted request on the page",
    );

    // WHEN the merchant opens the remainder and requests all of it
    await page.getByRole("link", { name: `Fulfillment order #${remainder.id.split("/").pop()}` }).click();
    await shown(page.getByRole("heading", { level: 1, name: new RegExp(`#${remainder.id.split("/").pop()}$`) }));
    await page.waitForLoadState("networkidle");
    await section(page, "Request fulfillment").getByRole("button", { name: "Send request" }).click();
    await toast(page, /request/i);

    // THEN both parts are with the 3PL: one accepted, the remainder submitted
    const final = await until(
      () => readOrder(created.order.id),
      (o) => o.fulfillmentOrders.find((fo) => fo.id === remainder.id)?.requestStatus === "SUBMITTED",
      "the remainder's request",
    );
    expect(final.fulfillmentOrders.find((fo) => fo.id === submitted.id)?.requestStatus).toBe("ACCEPTED");
    await shown(page.getByText("Partial request of"));
    await page.close();
  });

  it("(b) places holds with two reasons, releases one, then the other", async () => {
    const created = await createOrder("warehouse", [{ sku: "TOTE-NAT", quantity: 1 }]);
    const foId = created.fulfillmentOrders[0]!.id;
    const page = await newPage();
    await openFulfillmentOrder(page, foId, created.order.name);

    for (const [reason, label] of [
      ["AWAITING_PAYMENT", "Awaiting payment"],
      ["INCORRECT_ADDRESS", "Incorrect address"],
    ] as const) {
      const hold = section(page, "Place hold");
      await hold.getByLabel("Reason").selectOption(reason);
      await hold.getByLabel("Notes").fill(`${label} — check with customer`);
      await hold.getByRole("button", { name: "Place hold" }).click();
      await toast(page, /hold/i);
      await shown(page.getByRole("button", { name: `Release hold: ${label}` }));
    }
    let sim = await readOrder(created.order.id);
    expect(sim.fulfillmentOrders[0]!.holds.map((h) => h.reason).sort()).toEqual([
      "AWAITING_PAYMENT",
      "INCORRECT_ADDRESS",
    ]);
    expect(sim.fulfillmentOrders[0]!.status).toBe("ON_HOLD");
    await shown(page.getByText("Held by This app").first());
    await app.screenshot(page, "fulfillment-order");
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("button", { name: "Release hold: Awaiting payment" }).click();
    await page
      .getByRole("button", { name: "Release hold: Awaiting payment" })
      .waitFor({ state: "detached", timeout: 30_000 });
    sim = await readOrder(created.order.id);
    expect(sim.fulfillmentOrders[0]!.holds.map((h) => h.reason)).toEqual(["INCORRECT_ADDRESS"]);
    await shown(page.getByRole("button", { name: "Release hold: Incorrect address" }));

    await page.getByRole("button", { name: "Release hold: Incorrect address" }).click();
    await shown(page.getByText("No holds. This fulfillment order can move on."), 30_000);
    sim = await readOrder(created.order.id);
    expect(sim.fulfillmentOrders[0]!.holds).toEqual([]);
    expect(sim.fulfillmentOrders[0]!.status).toBe("OPEN");
    await page.close();
  });

  it("(c) marks a pickup order ready, then picked up, from the pickup board", async () => {
    const created = await createOrder("pickup", [{ sku: "BEANS-1KG", quantity: 2 }]);
    const foId = created.fulfillmentOrders[0]!.id;
    const page = await newPage();
    const ready = await openPickupBoardWith(page, created.order.name);

    await ready.click();
    const pickedUp = page.getByRole("button", { name: `Mark as picked up ${created.order.name}` });
    await shown(pickedUp, 30_000);
    await shown(page.getByText(/Ready for pickup \(\d+\)/));
    let sim = await readOrder(created.order.id);
    expect(sim.fulfillmentOrders.find((fo) => fo.id === foId)?.preparedForPickup).toBe(true);
    await app.screenshot(page, "pickup");
    await expectNoSeriousAxeViolations(page);

    await pickedUp.click();
    await pickedUp.waitFor({ state: "detached", timeout: 30_000 });
    sim = await readOrder(created.order.id);
    expect(sim.fulfillmentOrders.find((fo) => fo.id === foId)?.status).toBe("CLOSED");
    expect(sim.status.displayFulfillmentStatus).toBe("FULFILLED");
    await page.close();
  });

  /**
   * Shopify keeps no "prepared at" time, only the ledger does: move it back as if the order had
   * been waiting on the shelf for `days` (the format Prisma stored is kept).
   */
  function backdatePreparedForPickup(foId: string, days: number) {
    const db = new Database(app.server.databaseFile);
    try {
      db.pragma("busy_timeout = 5000");
      const row = db
        .prepare(`SELECT "preparedForPickupAt" AS at FROM "FulfillmentOrder" WHERE "shopifyId" = ?`)
        .get(foId) as { at: string | number | null } | undefined;
      if (!row || row.at === null) throw new Error(`${foId} is not marked ready in the ledger`);
      const earlier = new Date(new Date(row.at).getTime() - days * 86_400_000);
      db.prepare(`UPDATE "FulfillmentOrder" SET "preparedForPickupAt" = ? WHERE "shopifyId" = ?`).run(
        typeof row.at === "number" ? earlier.getTime() : earlier.toISOString(),
        foId,
      );
    } finally {
      db.close();
    }
  }

  it("(c2) cancels and restocks a paid pickup order nobody collected, refunding it", async () => {
    const created = await createOrder("pickup", [{ sku: "BEANS-1KG", quantity: 2 }]);
    const foId = created.fulfillmentOrders[0]!.id;
    const name = created.order.name;
    const stockBefore = await storeStock("BEANS-1KG");
    const page = await newPage();
    const ready = await openPickupBoardWith(page, name);
    await ready.click();
    await shown(page.getByRole("button", { name: `Mark as picked up ${name}` }), 30_000);

    // GIVEN it has waited on the shelf for five days
    backdatePreparedForPickup(foId, 5);
    await page.reload();
    await page.waitForLoadState("networkidle");
    const cancel = page.getByRole("button", { name: `Cancel and restock ${name}` });
    await shown(cancel);

    // WHEN the merchant opens Cancel and restock
    await cancel.click();
    const dialog = page.getByRole("dialog");
    await shown(dialog.getByText(`Cancel ${name} and restock?`));
    await shown(dialog.getByText("2 items go back to available stock at Downtown Store."));
    expect(await dialog.getByLabel("Refund the customer to the original payment method").isChecked()).toBe(true);
    expect(await dialog.getByLabel("Notify customer").isChecked()).toBe(true);
    await dialog.getByLabel("Staff note").fill("Not collected after two reminders");
    await app.screenshot(page, "pickup-cancel-modal");
    await expectNoSeriousAxeViolations(page);

    // …and confirms
    await dialog.getByRole("button", { name: "Cancel order and restock" }).click();
    await toast(page, new RegExp(`${name} cancel`));

    // THEN the row is gone, and Shopify has the order cancelled, refunded and the beans back on the shelf
    await cancel.waitFor({ state: "detached", timeout: 30_000 });
    const sim = await until(
      () => readOrder(created.order.id),
      (o) => o.status.cancelled,
      "the cancellation",
    );
    expect(sim.status.displayFinancialStatus).toBe("REFUNDED");
    expect(sim.fulfillmentOrders[0]!.status).toBe("CANCELLED");
    const stockAfter = await storeStock("BEANS-1KG");
    expect(stockAfter).toEqual({ available: stockBefore.available + 2, committed: stockBefore.committed - 2 });
    await page.close();
  });

  it("(d) fulfils a warehouse order with tracking", async () => {
    const created = await createOrder("warehouse", [{ sku: "KETTLE-01", quantity: 1 }]);
    const foId = created.fulfillmentOrders[0]!.id;
    const page = await newPage();
    await openFulfillmentOrder(page, foId, created.order.name);

    const fulfil = section(page, "Mark as fulfilled");
    await fulfil.getByLabel("Carrier").selectOption("UPS");
    await fulfil.getByLabel("Tracking URL").fill("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    // A barcode scanner types the number and sends Enter: that submits the form.
    await fulfil.getByLabel("Tracking number").fill("1Z999AA10123456784");
    await fulfil.getByLabel("Tracking number").press("Enter");
    await toast(page, /fulfil/i);

    const sim = await until(
      () => readOrder(created.order.id),
      (o) => o.fulfillmentOrders[0]?.status === "CLOSED",
      "the fulfilment",
    );
    expect(sim.status.displayFulfillmentStatus).toBe("FULFILLED");
    await shown(page.getByText("Closed").first(), 30_000);
    await page.close();
  });

  it("(d2) refuses 'Other carrier' without a name next to the field, and fulfils nothing", async () => {
    const created = await createOrder("warehouse", [{ sku: "KETTLE-01", quantity: 1 }]);
    const foId = created.fulfillmentOrders[0]!.id;
    const page = await newPage();
    await openFulfillmentOrder(page, foId, created.order.name);

    const fulfil = section(page, "Mark as fulfilled");
    await fulfil.getByLabel("Carrier", { exact: true }).selectOption({ label: "Other carrier" });
    await fulfil.getByLabel("Tracking number").fill("LOCAL-77");
    await fulfil.getByLabel("Tracking number").press("Enter");

    await shown(fulfil.getByText("Enter the carrier's name, or choose No carrier."), 30_000);
    expect((await readOrder(created.order.id)).fulfillmentOrders[0]?.status).toBe("OPEN");
    await page.close();
  });

  it("(e) moves a warehouse order to the pickup store", async () => {
    const created = await createOrder("warehouse", [{ sku: "MUG-SAND", quantity: 1 }]);
    const foId = created.fulfillmentOrders[0]!.id;
    const warehouseId = created.fulfillmentOrders[0]!.locationId;
    const page = await newPage();
    await openFulfillmentOrder(page, foId, created.order.name);

    const move = section(page, "Move");
    await move.getByLabel("New location").selectOption({ label: "Downtown Store" });
    await move.getByRole("button", { name: "Move" }).click();
    await toast(page, /Downtown Store/);

    const sim = await until(
      () => readOrder(created.order.id),
      (o) => o.fulfillmentOrders.some((fo) => fo.status === "OPEN" && fo.locationId !== warehouseId),
      "the move",
    );
    expect(sim.fulfillmentOrders.filter((fo) => fo.status === "OPEN" && fo.locationId === warehouseId)).toEqual([]);
    await page.close();
  });

  it("(f) acts on nothing from a page opened before the FO changed, and Reload shows the change", async () => {
    const created = await createOrder("warehouse", [{ sku: "TOTE-NAT", quantity: 1 }]);
    const foId = created.fulfillmentOrders[0]!.id;
    const page = await newPage();
    await openFulfillmentOrder(page, foId, created.order.name);

    // GIVEN another app holds the FO after the page was opened
    await simulator({ command: "hold-as-other-app", fulfillmentOrderId: foId, appTitle: "Fraud Filter" });
    // WHEN the merchant fulfils from the page they have
    await section(page, "Mark as fulfilled").getByRole("button", { name: "Mark as fulfilled" }).click();

    // THEN the page warns, and Shopify still has the FO on hold, unfulfilled
    await shown(page.getByText("This fulfillment order changed since you opened it"), 30_000);
    const sim = await readOrder(created.order.id);
    expect(sim.fulfillmentOrders[0]).toMatchObject({ status: "ON_HOLD" });
    expect(sim.fulfillmentOrders[0]!.lineItems[0]!.remainingQuantity).toBe(1);

    // WHEN they reload, THEN they see the other app's hold, read-only, and fulfilling is unavailable
    await page.getByRole("button", { name: "Reload" }).click();
    await shown(page.getByText("Held by Fraud Filter"), 30_000);
    await shown(page.getByText("Only the app that placed this hold can release it."));
    await shown(page.getByText("On hold: release the holds first"));
    await page.close();
  });

  it("says so when the FO isn't this shop's or doesn't exist", async () => {
    const page = await newPage();
    await page.goto(inApp(`/app/fulfillment-orders/${encodeURIComponent("gid://shopify/FulfillmentOrder/999999999")}`));
    await shown(page.getByRole("heading", { level: 1, name: "Fulfillment order not found" }));
    await page.close();
  });

  it("left no uncaught errors in the pages", () => {});
});
