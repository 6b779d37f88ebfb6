import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { refuseDemoCommandRequest } from "~/demo/demo-command-request";
import { DemoCommand, runDemoCommand } from "~/demo/demo-simulator.server";
import { isDemoMode } from "~/demo/demo-mode.server";
import { env } from "~/env.server";

// POST /demo/simulator { command, … }: play the store's other actors in demo mode, from the demo
// page's own origin and as JSON only. 404 outside demo mode.
export const action = async ({ request }: ActionFunctionArgs) => {
  if (!isDemoMode()) throw new Response("Not found", { status: 404 });
  const refusal = refuseDemoCommandRequest(request, env.SHOPIFY_APP_URL);
  if (refusal) return json({ error: refusal.error }, { status: refusal.status });
  const parsed = DemoCommand.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return json({ error: parsed.error.issues }, { status: 400 });
  try {
    return json({ result: await runDemoCommand(parsed.data) });
  } catch (error) {
    return json({ error: error instanceof Error ? error.message : String(error) }, { status: 409 });
  }
};

export const loader = () => {
  throw new Response("Not found", { status: 404 });
};
