import { describe, expect, it } from "vitest";
import { groupWhileBusy } from "./group-while-busy";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("groupWhileBusy", () => {
  it("writes a lone item after one turn of the event loop, and what arrives during a write together in the next", async () => {
    const groups: number[][] = [];
    let release: () => void = () => {};
    const write = async (group: number[]) => {
      groups.push(group);
      if (groups.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return group.map((n) => n * 10);
    };
    const record = groupWhileBusy(write);

    const first = record(1);
    await tick();
    const rest = [record(2), record(3), record(4)];
    release();

    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it("caps a group and rejects only the group whose write failed", async () => {
    const groups: number[][] = [];
    let release: () => void = () => {};
    const record = groupWhileBusy(
      async (group: number[]) => {
        groups.push(group);
        if (groups.length === 1) await new Promise<void>((resolve) => (release = resolve));
        if (group.includes(3)) throw new Error("disk full");
        return group;
      },
      { maxGroup: 2 },
    );

    const outcomes = [record(1)];
    await tick();
    outcomes.push(record(2), record(3), record(4));
    release();
    const settled = await Promise.allSettled(outcomes);

    expect(groups).toEqual([[1], [2, 3], [4]]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
  });

  it("lets callbacks already due (completed I/O) join the group before a write that never waits", async () => {
    // A synchronous database driver (better-sqlite3) writes without yielding, so without the turn of
    // the event loop every call would go in a group of its own: one fsync each.
    const groups: number[][] = [];
    const record = groupWhileBusy(async (group: number[]) => {
      groups.push(group);
      return group;
    });
    const late = new Promise((resolve) => setImmediate(() => resolve(record(2))));
    const first = record(1);
    expect(await Promise.all([first, late])).toEqual([1, 2]);
    expect(groups).toEqual([[1, 2]]);
  });
});
