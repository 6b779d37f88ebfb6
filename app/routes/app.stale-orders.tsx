import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { actorOf } from "~/shopify/staff-actor";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { useEffect, useMemo, useState } from "react";
import { ActivityFeed } from "~/components/stale-orders/activity-feed";
import { ConfirmRunModal } from "~/components/stale-orders/confirm-run-modal";
import { POLICY_FIELDS, type PolicyFields, PolicyForm } from "~/components/stale-orders/policy-form";
import { SaveSettingsModal } from "~/components/stale-orders/save-settings-modal";
import { PreviewResults } from "~/components/stale-orders/preview-results";
import { RunProgress } from "~/components/stale-orders/run-progress";
import { readForm } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";
import type { RequestRunResult } from "~/stale-orders/cancellation-runs.server";
import { fieldErrorsOf, settingsOf, StaleOrdersIntent } from "~/stale-orders/forms";
import { TERMINAL_RUN_STATUSES } from "~/stale-orders/options";
import { loadStaleOrdersScreen, previewPolicy, runSelection, saveSettings } from "~/stale-orders/screen.server";
import type { StaleOrderPreview } from "~/stale-orders/views";

/** How often the page refreshes while a run is preparing, queued or running. */
export const RUN_POLL_MS = 1_000;

export const meta: MetaFunction = () => [{ title: en.staleOrders.title }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await loadStaleOrdersScreen(session.shop));
};

type ActionData =
  | { ok: true; kind: "preview"; preview: StaleOrderPreview }
  | { ok: true; kind: "saved" }
  | { ok: true; kind: "run"; result: RequestRunResult }
  | { ok: false; error: string; fieldErrors: Record<string, string> };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, sessionToken } = await authenticate.admin(request);
  const parsed = StaleOrdersIntent.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const error = fieldErrors.intent ? en.staleOrders.run.invalid : Object.values(fieldErrors)[0]!;
    return json<ActionData>({ ok: false, error, fieldErrors }, { status: 400 });
  }
  const input = parsed.data;
  const actor = actorOf(sessionToken);
  const shop = session.shop;
  switch (input.intent) {
    case "preview":
      return json<ActionData>({
        ok: true,
        kind: "preview",
        preview: await previewPolicy(admin.graphql, shop, settingsOf(input)),
      });
    case "save-settings":
      await saveSettings(shop, settingsOf(input, input.scheduleEnabled), actor, input.idempotencyKey);
      return json<ActionData>({ ok: true, kind: "saved" });
    case "run": {
      const { orderIds, idempotencyKey } = input;
      const result = await runSelection({ shop, actor, orderIds, idempotencyKey, settings: settingsOf(input) });
      return json<ActionData>({ ok: true, kind: "run", result });
    }
  }
};

function toastOf(data: ActionData): { message: string; isError: boolean } | null {
  const t = en.staleOrders.run;
  // Field errors show on their fields; only the rest is a toast.
  if (!data.ok) return fieldErrorsShownInline(data.fieldErrors) ? null : { message: data.error, isError: true };
  if (data.kind === "saved") return { message: en.staleOrders.policy.saved, isError: false };
  if (data.kind !== "run") return null;
  const { runId, selected } = data.result;
  return { message: runId === null ? t.nothingNew : t.confirmed(selected), isError: false };
}

const fieldErrorsShownInline = (errors: Record<string, string>) =>
  Object.keys(errors).some((field) => POLICY_FIELDS.includes(field));

export default function StaleOrders() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<ActionData>();
  const shopify = useAppBridge();
  const { revalidate } = useRevalidator();
  const t = en.staleOrders;
  const [preview, setPreview] = useState<StaleOrderPreview | null>(null);
  // The policy fields the shown preview was made with: a run confirms exactly those.
  const [previewedFields, setPreviewedFields] = useState<PolicyFields | null>(null);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [saving, setSaving] = useState<PolicyFields | null>(null);
  // A fresh key each time a dialog opens: resubmitting the same dialog has one effect.
  const confirmationKey = useMemo(() => (confirming ? crypto.randomUUID() : ""), [confirming]);
  const saveKey = useMemo(() => (saving ? crypto.randomUUID() : ""), [saving]);

  const pendingIntent = fetcher.state === "idle" ? null : fetcher.formData?.get("intent");
  const latest = data.runs[0] ?? null;
  const inProgress = latest !== null && !TERMINAL_RUN_STATUSES.includes(latest.status);
  const fieldErrors = fetcher.data && !fetcher.data.ok ? fetcher.data.fieldErrors : {};

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const result = fetcher.data;
    if (result.ok && result.kind === "preview") setPreview(result.preview);
    // Saved, or refused with messages on the fields: either way the dialog has done its part.
    if ((result.ok && result.kind === "saved") || (!result.ok && fieldErrorsShownInline(result.fieldErrors))) {
      setSaving(null);
    }
    if (result.ok && result.kind === "run") {
      setConfirming(null);
      setPreview(null);
    }
    const toast = toastOf(result);
    if (toast) shopify.toast.show(toast.message, { isError: toast.isError });
  }, [fetcher.state, fetcher.data, shopify]);

  // Poll while a run is preparing, queued or running: each fresh load schedules the next one.
  useEffect(() => {
    if (!inProgress) return;
    const timer = setTimeout(revalidate, RUN_POLL_MS);
    return () => clearTimeout(timer);
  }, [inProgress, data, revalidate]);

  const selected = preview && confirming ? preview.candidates.filter((c) => confirming.includes(c.id)) : [];

  // The report is a resource route behind authenticate.admin; App Bridge's fetch adds the session token.
  const download = async (runId: string) => {
    const response = await fetch(`/app/stale-orders/runs/${runId}.csv`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = `stale-orders-${runId}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Page fullWidth title={t.title} subtitle={t.subtitle}>
      <Layout>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <PolicyForm
              settings={data.settings}
              previewing={pendingIntent === "preview"}
              errors={fieldErrors}
              onPreview={(fields) => {
                setPreviewedFields(fields);
                fetcher.submit({ intent: "preview", ...withoutSchedule(fields) }, { method: "post" });
              }}
              onSave={setSaving}
            />
            <ActivityFeed events={data.activity} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <RunProgress run={latest} items={data.latestItems} onDownload={(id) => void download(id)} />
            {preview ? (
              <PreviewResults key={preview.generatedAt} preview={preview} onCancelSelected={setConfirming} />
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
      <SaveSettingsModal
        open={saving !== null}
        scheduleEnabled={saving?.scheduleEnabled === "true"}
        submitting={pendingIntent === "save-settings"}
        onClose={() => setSaving(null)}
        onConfirm={() =>
          saving && fetcher.submit({ intent: "save-settings", ...saving, idempotencyKey: saveKey }, { method: "post" })
        }
      />
      <ConfirmRunModal
        key={confirming?.join(",") ?? "closed"}
        open={confirming !== null}
        orders={selected.length}
        units={selected.reduce((n, c) => n + c.units, 0)}
        notifyCustomer={previewedFields?.notifyCustomer === "true"}
        submitting={pendingIntent === "run"}
        onClose={() => setConfirming(null)}
        onConfirm={(confirmCount) =>
          fetcher.submit(
            {
              intent: "run",
              ...withoutSchedule(previewedFields ?? {}),
              orderIds: JSON.stringify(selected.map((c) => c.id)),
              idempotencyKey: confirmationKey,
              ...(confirmCount === null ? {} : { confirmCount: String(confirmCount) }),
            },
            { method: "post" },
          )
        }
      />
    </Page>
  );
}

const withoutSchedule = ({ scheduleEnabled: _, ...fields }: Partial<PolicyFields>) => fields;
