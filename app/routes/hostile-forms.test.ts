// Every authenticated action, posted as an attacker would: not a form, a broken form, a field
// name that reaches Object.prototype. Each is a 4xx with a clear message, never a 500, and the
// body shows nothing of the server's insides. (The FO detail action's own cases, with what
// Shopify then holds, are in app.fulfillment-orders.$id.test.ts.)
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { callRoute, fetchRequest } from "../../tests/support/embedded-request";
import { routeHarness } from "../../tests/support/route-harness";
import { action as queueAction } from "./app._index";
import { action as automationAction } from "./app.automation._index";
import { action as dryRunAction } from "./app.automation.dry-run";
import { action as jobsAction } from "./app.jobs";
import { action as pickupAction } from "./app.pickup";
import { action as rejectionsAction } from "./app.rejections";
import { action as syncAction } from "./app.reconciliation";
import { action as staleOrdersAction } from "./app.stale-orders";

const SHOP = "hostile-forms.myshopify.com";

routeHarness({ shops: [SHOP], seed: false });

type Action = (args: LoaderFunctionArgs) => Promise<Response>;
const ROUTES: [string, string, Action][] = [
  ["the queue's bulk actions", "/app", queueAction as Action],
  ["the pickup board", "/app/pickup", pickupAction as Action],
  ["sync health", "/app/reconciliation", syncAction as Action],
  ["background jobs", "/app/jobs", jobsAction as Action],
  ["the stale-orders screen", "/app/stale-orders", staleOrdersAction as Action],
  ["the automation screen", "/app/automation", automationAction as Action],
  ["the rejection inbox", "/app/rejections", rejectionsAction as Action],
  ["the rule simulator", "/app/automation/dry-run", dryRunAction as Action],
];

async function post(handler: Action, path: string, body: { contentType: string; text: string }) {
  const response = await callRoute(handler, fetchRequest(path, SHOP, { body }));
  const text = await response.text();
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(text).not.toContain(process.cwd());
  return { status: response.status, body: JSON.parse(text) as unknown };
}

describe.each(ROUTES)("%s", (_name, path, handler) => {
  it("answers a JSON body with 415 and says to send a form", async () => {
    const answer = await post(handler, path, { contentType: "application/json", text: '{"intent":"retry"}' });

    expect(answer).toEqual({ status: 415, body: { ok: false, error: expect.stringMatching(/as a form/) } });
  });

  it("answers a broken multipart body with 400", async () => {
    const answer = await post(handler, path, { contentType: "multipart/form-data; boundary=x", text: "garbage" });

    expect(answer).toEqual({ status: 400, body: { ok: false, error: "The form could not be read." } });
  });

  it("answers a field named __proto__[0][x] with 400, naming the field", async () => {
    const text = new URLSearchParams({ intent: "x", "__proto__[0][x]": "1" }).toString();

    const answer = await post(handler, path, { contentType: "application/x-www-form-urlencoded", text });

    expect(answer).toEqual({
      status: 400,
      body: { ok: false, error: 'The field name "__proto__[0][x]" is not accepted.' },
    });
  });
});
