// The one harness for route tests: the store simulator with the shops installed (real offline
// sessions, so the real authenticate.admin runs), the one seed in each shop, the app's job
// handlers, and a clean database after every test.
import { Prisma } from "@prisma/client";
import { afterEach, beforeAll, beforeEach } from "vitest";
import { registerJobHandlers } from "~/background.server";
import { prisma } from "~/db.server";
import { deleteAllJobsForTests, getJobWorker } from "~/jobs/runtime.server";
import { seedLocations } from "./seed";
import { installShop, type SimulatorHarness, startSimulator } from "./simulator";

type Seed = ReturnType<typeof seedLocations>;

/** Installs are kept (Session, Shop); everything the app wrote since is removed. */
const KEPT_MODELS = new Set(["Session", "Shop"]);

/** Deletes every row the app wrote (every model but Session and Shop); children cascade. */
async function resetDatabase(): Promise<void> {
  for (const model of Prisma.dmmf.datamodel.models) {
    if (KEPT_MODELS.has(model.name)) continue;
    const delegate = (prisma as unknown as Record<string, { deleteMany: () => Promise<unknown> }>)[
      model.name.charAt(0).toLowerCase() + model.name.slice(1)
    ];
    await delegate!.deleteMany();
  }
  // The jobs too, wherever the queue keeps them (pg-boss: its own schema, no model of ours).
  await deleteAllJobsForTests();
}

interface RouteHarness {
  /** The running simulator (after start). */
  readonly h: SimulatorHarness;
  /** The seed of a shop (the first one by default). */
  seed(shop?: string): Seed;
  /** Starts the simulator and installs the shops; called before each test unless `lazy`. */
  start(options?: Parameters<typeof startSimulator>[0]): Promise<void>;
  /** Delivers the simulator's pending webhooks to the app and runs the jobs they queued. */
  deliver(): Promise<void>;
}

export function routeHarness(options: { shops: readonly string[]; seed?: boolean; lazy?: boolean }): RouteHarness {
  let current: SimulatorHarness | undefined;
  const seeds = new Map<string, Seed>();

  beforeAll(() => registerJobHandlers());
  const start = async (startOptions: Parameters<typeof startSimulator>[0] = {}) => {
    current = startSimulator(startOptions);
    for (const shop of options.shops) {
      await installShop(current.sim, shop);
      if (options.seed !== false) seeds.set(shop, seedLocations(current.sim, shop));
    }
  };
  if (!options.lazy) beforeEach(() => start());
  afterEach(async () => {
    current?.close();
    current = undefined;
    seeds.clear();
    await resetDatabase();
  });

  return {
    get h() {
      if (!current) throw new Error("the simulator is not started (lazy harness: call start())");
      return current;
    },
    seed(shop = options.shops[0]!) {
      const seed = seeds.get(shop);
      if (!seed) throw new Error(`${shop} has no seed`);
      return seed;
    },
    start,
    async deliver() {
      await current!.webhooks.flush();
      await getJobWorker().runUntilIdle();
    },
  };
}
