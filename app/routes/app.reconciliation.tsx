import type { MetaFunction, ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Box, Card, Layout, Page, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { ReconcileRunsTable } from "~/components/reconciliation/reconcile-runs-table";
import { ActiveReconcileBanner, UnaccountedBanner } from "~/components/reconciliation/reconciliation-banners";
import { ReconciliationOverview } from "~/components/reconciliation/reconciliation-overview";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";
import { isReconcileInProgress, runsWithUnaccounted } from "~/health/format";
import { loadReconciliationHealth, requestReconcile } from "~/health/reconciliation-health.server";
import type { ReconcileRequestOutcome } from "~/health/types";

export const meta: MetaFunction = () => [{ title: `${en.reconciliation.title} · ${en.appName}` }];

/** How often the page refreshes while a sync is queued or running. */
export const SYNC_POLL_MS = 3_000;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await loadReconciliationHealth(session.shop));
};

const SyncIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reconcile-now") }),
  z.object({ intent: z.literal("backfill") }),
]);

type ActionData = { ok: true; outcome: ReconcileRequestOutcome } | { ok: false; error: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = SyncIntent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json<ActionData>({ ok: false, error: en.reconciliation.toast.invalid }, { status: 400 });
  const outcome = await requestReconcile(session.shop, parsed.data.intent === "backfill" ? "backfill" : "manual");
  return json<ActionData>({ ok: true, outcome });
};

function toastOf(data: ActionData): { message: string; isError: boolean } {
  const t = en.reconciliation.toast;
  if (!data.ok) return { message: data.error, isError: true };
  const { kind, queued } = data.outcome;
  if (kind === "backfill") return { message: queued ? t.backfillQueued : t.backfillAlreadyRunning, isError: false };
  return { message: queued ? t.reconcileQueued : t.reconcileAlreadyRunning, isError: false };
}

export default function SyncHealth() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<ActionData>();
  const shopify = useAppBridge();
  const { revalidate } = useRevalidator();
  const t = en.reconciliation;

  const pendingIntent = fetcher.state === "idle" ? null : fetcher.formData?.get("intent");
  const inProgress = isReconcileInProgress(data);
  const submit = (intent: "reconcile-now" | "backfill") => fetcher.submit({ intent }, { method: "post" });

  // The answer to "Run sync now" / "Backfill": queued, or already running (deduplicated).
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const { message, isError } = toastOf(fetcher.data);
    shopify.toast.show(message, { isError });
  }, [fetcher.state, fetcher.data, shopify]);

  // Poll while a sync is queued or running: each fresh load schedules the next one.
  useEffect(() => {
    if (!inProgress) return;
    const timer = setTimeout(revalidate, SYNC_POLL_MS);
    return () => clearTimeout(timer);
  }, [inProgress, data, revalidate]);

  return (
    <Page
      fullWidth
      title={t.title}
      subtitle={t.subtitle}
      primaryAction={{
        content: t.reconcileNow,
        onAction: () => submit("reconcile-now"),
        loading: pendingIntent === "reconcile-now",
      }}
      secondaryActions={[
        { content: t.backfill, onAction: () => submit("backfill"), loading: pendingIntent === "backfill" },
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <UnaccountedBanner runsWithUnaccounted={runsWithUnaccounted(data.runs)} />
            <ActiveReconcileBanner activeReconciles={data.activeReconciles} />
            <ReconciliationOverview watermark={data.watermark} inbox={data.inbox} failedDeliveriesUrl="/app/jobs" />
            <Card padding="0">
              <Box padding="400" paddingBlockEnd="200">
                <Text as="h2" variant="headingMd">
                  {t.runsHeading}
                </Text>
              </Box>
              <ReconcileRunsTable
                runs={data.runs}
                onReconcileNow={() => submit("reconcile-now")}
                reconciling={pendingIntent === "reconcile-now"}
              />
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
