import { describe, expect, it } from "vitest";
import { isPostgresUrl } from "~/db/database-url";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { otherConnections, waitForNoConnections } from "../tests/support/database-connections";
import { closeServerResources } from "./server-resources.server";

describe.skipIf(!isPostgresUrl(env.DATABASE_URL))("closeServerResources (needs PostgreSQL)", () => {
  it("closes the job queue's pool and the database's, so no connection of this process is left open", async () => {
    await prisma.session.findFirst({ select: { id: true } });
    await getJobQueue().enqueue("note", {}, { shop: "a.myshopify.com" });
    // pg-boss's pool names its connections "fulfillment-desk"; Prisma's pool leaves the name empty.
    expect(await otherConnections(env.DATABASE_URL)).toEqual(expect.arrayContaining(["", "fulfillment-desk"]));

    await closeServerResources();

    expect(await waitForNoConnections(env.DATABASE_URL, () => true)).toEqual([]);
  });
});
