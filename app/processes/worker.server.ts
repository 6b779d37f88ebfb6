// Entry of `npm run worker` (built into build/processes/worker.js by vite.processes.config.ts).
import { runWorker } from "./worker-process.server";

runWorker().catch((error: unknown) => {
  console.error("worker: failed to start", error);
  process.exit(1);
});
