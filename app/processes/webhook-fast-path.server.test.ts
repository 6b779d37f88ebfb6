import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { webhookAction } from "~/webhooks/ingest.server";
import { webhookRoutesOf } from "./webhook-fast-path.server";

type Routes = ServerBuild["routes"];
const other = async () => new Response("not a webhook");

function buildWith(routes: Routes, entry: object = { webhookAction }): ServerBuild {
  return { routes, entry: { module: entry } } as unknown as ServerBuild;
}

const route = (id: string, path: string | undefined, action: unknown, parentId: string | null = "root") =>
  ({ id, path, parentId: parentId ?? undefined, module: { action } }) as unknown as Routes[string];

describe("the webhook routes the web entry serves without Remix's routing", () => {
  it("are the static paths whose route's action is the ingest, read from the build", () => {
    const routes = webhookRoutesOf(
      buildWith({
        root: route("root", "", undefined, null),
        "routes/webhooks.orders.create": route(
          "routes/webhooks.orders.create",
          "webhooks/orders/create",
          webhookAction,
        ),
        "routes/webhooks.app.uninstalled": route(
          "routes/webhooks.app.uninstalled",
          "webhooks/app/uninstalled",
          webhookAction,
        ),
        // A webhook path whose route now does something else is Remix's again.
        "routes/webhooks.orders.paid": route("routes/webhooks.orders.paid", "webhooks/orders/paid", other),
        "routes/app.orders": route("routes/app.orders", "app/orders", other),
        "routes/webhooks.$topic": route("routes/webhooks.$topic", "webhooks/:topic", webhookAction),
      }),
    );
    expect([...routes.keys()].sort()).toEqual(["/webhooks/app/uninstalled", "/webhooks/orders/create"]);
    expect(routes.get("/webhooks/orders/create")).toBe(webhookAction);
  });

  it("are none when the entry does not export the ingest's action", () => {
    const build = buildWith(
      {
        "routes/webhooks.orders.create": route(
          "routes/webhooks.orders.create",
          "webhooks/orders/create",
          webhookAction,
        ),
      },
      {},
    );
    expect(webhookRoutesOf(build).size).toBe(0);
  });

  it("cover every webhook route file of the app: each one's action and loader is the ingest", async () => {
    const modules = import.meta.glob<{ action: unknown; loader: unknown }>("../routes/webhooks.*.tsx");
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(30);
    for (const [file, load] of Object.entries(modules)) {
      const module = await load();
      expect([file, module.action, module.loader]).toEqual([file, webhookAction, webhookAction]);
    }
  });
});
