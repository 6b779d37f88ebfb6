import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AutomationActionData } from "~/automation/settings-views";
import { AutomationIntent, firstMessageOf, readRuleSetJson } from "~/automation/settings-form";
import { loadAutomationScreen } from "~/automation/settings-screen.server";
import { saveRuleSet } from "~/automation/rule-store.server";
import { changeAutomationSwitches } from "~/automation/runtime/resume.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { validateRuleSet } from "~/automation/rules/validate-rule-set";
import { AutomationSettingsScreen } from "~/components/automation/automation-settings-screen";
import { runOnce } from "~/fulfillment/actions/action-requests.server";
import { onceRefusal, readForm } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";
import { actorOf } from "~/shopify/staff-actor";

const t = en.automation;

export const meta: MetaFunction = () => [{ title: `${t.title} · ${en.appName}` }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await loadAutomationScreen(session.shop));
};

const answer = (data: AutomationActionData, status = 200) => json<AutomationActionData>(data, { status });
const refuse = (status: number, error: string) => answer({ ok: false, kind: "refused", error }, status);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = AutomationIntent.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return refuse(400, firstMessageOf(parsed.error));
  const input = parsed.data;
  const shop = session.shop;
  const actor = actorOf(sessionToken);
  const claim = { shop, idempotencyKey: input.idempotencyKey, intent: `automation.${input.intent}`, actor };

  if (input.intent === "save-rules") {
    const read = readRuleSetJson(input.ruleSet);
    if (!read.ok) return refuse(read.status, read.error);
    const validation = validateRuleSet(read.value);
    if (!validation.ok) {
      return answer({ ok: false, kind: "invalid", error: t.rules.invalid, fieldErrors: validation.errors }, 422);
    }
    const once = await runOnce({ ...claim, fulfillmentOrderId: null }, () =>
      saveRuleSet(shop, validation.ruleSet, { actor, expectedVersion: input.expectedVersion }),
    );
    if (once.kind !== "done") return refuse(409, onceRefusal(once.kind));
    const result = once.result;
    if (result.kind === "stale") {
      const error = t.rules.stale(result.currentVersion);
      return answer({ ok: false, kind: "stale", currentVersion: result.currentVersion, error }, 409);
    }
    return answer({ ok: true, kind: "saved", version: result.version });
  }

  const switches =
    input.intent === "set-enabled"
      ? { enabled: input.enabled }
      : input.intent === "set-paused"
        ? { paused: input.paused }
        : { quietPeriodMinutes: input.quietPeriodMinutes };
  const once = await runOnce({ ...claim, fulfillmentOrderId: null }, () =>
    changeAutomationSwitches(getJobQueue(), shop, switches, actor),
  );
  if (once.kind !== "done") return refuse(409, onceRefusal(once.kind));
  return answer({ ok: true, kind: "switched", intent: input.intent, resumed: once.result.resumed });
};

export default function Automation() {
  return <AutomationSettingsScreen view={useLoaderData<typeof loader>()} />;
}
