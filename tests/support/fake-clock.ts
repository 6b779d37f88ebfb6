// One clock for the simulator (bucket refills, timestamps) and the app's cost-aware client
// (pacing waits): waiting advances time instead of sleeping, so throttling tests run fast
// and still exercise every wait.
export function fakeClock(start = Date.parse("2026-11-20T10:00:00Z")) {
  let now = start;
  return {
    now: () => now,
    date: () => new Date(now),
    sleep: async (ms: number) => {
      now += Math.max(0, ms);
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}
