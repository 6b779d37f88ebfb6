// The second build of `npm run build`: the process entries (app/processes/web.server.ts, app/processes/worker.server.ts) as
// Node ESM in build/processes/. The worker bundles the app modules it runs (handlers, schedules,
// runner); the web entry bundles none and loads the Remix build (build/server) at run time.
// Dependencies stay external, as in the Remix server build.
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  build: {
    ssr: true,
    outDir: "build/processes",
    emptyOutDir: true,
    target: "node22",
    sourcemap: true,
    rollupOptions: {
      input: { web: "app/processes/web.server.ts", worker: "app/processes/worker.server.ts" },
      output: { format: "esm", entryFileNames: "[name].js" },
    },
  },
});
