import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { actorOf } from "~/shopify/staff-actor";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { useEffect, useMemo, useState } from "react";
import { ActivityFeed } from "~/components/stale-orders/activity-feed";
import { ConfirmRunModal } from "~/components/stale-orders/confirm-run-modal";
import { PolicyForm } from "~/components/stale-orders/policy-form";
import { PreviewResults } from "~/components/stale-orders/preview-results";
import { RunProgress } from "~/components/stale-orders/run-progress";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";
import type { RequestRunResult } from "~/stale-orders/cancellation-runs.server";
import { settingsOf, StaleOrdersIntent } from "~/stale-orders/forms";
import { TERMINAL_RUN_STATUSES } from "~/stale-orders/options";
import {
  loadStaleOrdersScreen,
  previewWithSettings,
  runSelection,
  saveSettingsIfChanged,
} from "~/stale-orders/screen.server";
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
  | { ok: false; error: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, sessionToken } = await authenticate.admin(request);
  const parsed = StaleOrdersIntent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return json<ActionData>(
      { ok: false, error: parsed.error.issues[0]?.message ?? en.staleOrders.run.invalid },
      { status: 400 },
    );
  }
  const input = parsed.data;
  const actor = actorOf(sessionToken);
  switch (input.intent) {
    case "preview":
      return json<ActionData>({
        ok: true,
        kind: "preview",
        preview: await previewWithSettings(admin.graphql, session.shop, settingsOf(input), actor),
      });
    case "save-settings":
      await saveSettingsIfChanged(session.shop, settingsOf(input), actor);
      return json<ActionData>({ ok: true, kind: "saved" });
    case "run":
      return json<ActionData>({
        ok: true,
        kind: "run",
        result: await runSelection(session.shop, actor, input.orderIds, input.idempotencyKey),
      });
  }
};

function toastOf(data: ActionData): { message: string; isError: boolean } | null {
  const t = en.staleOrders.run;
  if (!data.ok) return { message: data.error, isError: true };
  if (data.kind === "saved") return { message: en.staleOrders.policy.saved, isError: false };
  if (data.kind !== "run") return null;
  const { runId, selected } = data.result;
  return { message: runId === null ? t.nothingNew : t.confirmed(selected), isError: false };
}

export default function StaleOrders() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<ActionData>();
  const shopify = useAppBridge();
  const { revalidate } = useRevalidator();
  const t = en.staleOrders;
  const [preview, setPreview] = useState<StaleOrderPreview | null>(null);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  // A fresh key each time the dialog opens: resubmitting the same dialog is one run.
  const confirmationKey = useMemo(() => (confirming ? crypto.randomUUID() : ""), [confirming]);

  const pendingIntent = fetcher.state === "idle" ? null : fetcher.formData?.get("intent");
  const latest = data.runs[0] ?? null;
  const inProgress = latest !== null && !TERMINAL_RUN_STATUSES.includes(latest.status);

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const result = fetcher.data;
    if (result.ok && result.kind === "preview") setPreview(result.preview);
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
              saving={pendingIntent === "save-settings"}
              onSubmit={(intent, fields) => fetcher.submit({ intent, ...fields }, { method: "post" })}
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
      <ConfirmRunModal
        key={confirming?.join(",") ?? "closed"}
        open={confirming !== null}
        orders={selected.length}
        units={selected.reduce((n, c) => n + c.units, 0)}
        notifyCustomer={data.settings.notifyCustomer}
        submitting={pendingIntent === "run"}
        onClose={() => setConfirming(null)}
        onConfirm={(confirmCount) =>
          fetcher.submit(
            {
              intent: "run",
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
