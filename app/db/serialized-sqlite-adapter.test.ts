import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";

describe("the SQLite connection", () => {
  it("keeps a write made elsewhere while a transaction is open when that transaction rolls back", async () => {
    // GIVEN an interactive transaction that pauses between its statements and then fails
    let letItFail!: () => void;
    const paused = new Promise<void>((resolve) => (letItFail = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const failing = prisma.$transaction(async (tx) => {
      await tx.shop.create({ data: { shop: "in-tx.myshopify.com" } });
      opened();
      await paused;
      throw new Error("rolled back");
    });
    await isOpen;
    // WHEN another request writes while it is open
    // (Prisma queries are lazy: .then() sends it now, while the transaction is open.)
    const elsewhere = prisma.shop.create({ data: { shop: "elsewhere.myshopify.com" } }).then((row) => row);
    await new Promise((resolve) => setTimeout(resolve, 20));
    letItFail();
    await expect(failing).rejects.toThrow("rolled back");
    await elsewhere;
    // THEN only the transaction's own write is gone
    const shops = await prisma.shop.findMany({
      where: { shop: { in: ["in-tx.myshopify.com", "elsewhere.myshopify.com"] } },
    });
    expect(shops.map((s) => s.shop)).toEqual(["elsewhere.myshopify.com"]);
  });
});
