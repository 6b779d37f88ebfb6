import { describe, expect, it } from "vitest";
import { cancellationToasts } from "./use-cancellation-toasts";

const row = (id: string, status: "cancelling" | "failed" | null) => ({
  fulfillmentOrderId: id,
  orderName: `#${id}`,
  cancellation: status === null ? null : { status, error: status === "failed" ? "Shopify said no" : null },
});

describe("cancellationToasts", () => {
  it("says which order Shopify finished or failed once the board shows it, and only once", () => {
    // The board shows two rows cancelling
    let step = cancellationToasts(new Map(), [row("1", "cancelling"), row("2", "cancelling"), row("3", null)]);
    expect(step.toasts).toEqual([]);

    // Shopify finished #1; #2 failed
    step = cancellationToasts(step.watching, [row("2", "failed"), row("3", null)]);
    expect(step.toasts).toEqual([
      { message: "Shopify finished cancelling #1", isError: false },
      { message: "Cancelling #2 failed: see the row", isError: true },
    ]);

    // The next refresh says nothing more
    expect(cancellationToasts(step.watching, [row("2", "failed"), row("3", null)]).toasts).toEqual([]);
  });

  it("stays quiet about rows that were never cancelling, even when they leave the board", () => {
    const step = cancellationToasts(new Map(), [row("3", null)]);
    expect(cancellationToasts(step.watching, []).toasts).toEqual([]);
  });
});
