import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Card, EmptyState, Layout, Page, SkeletonBodyText } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { RejectionGroupCard } from "~/components/rejections/rejection-group-card";
import { BulkAnswerBanners } from "~/components/worklist/bulk-results-banner";
import { actorOf } from "~/fulfillment/detail/action-response";
import type { RejectedFulfillmentOrder } from "~/fulfillment/rejections/grouping";
import { loadRejectionInbox } from "~/fulfillment/rejections/rejection-inbox.server";
import { resubmitRejected } from "~/fulfillment/rejections/resubmit.server";
import { type BulkActionData, BulkIntent, type BulkRowResult } from "~/fulfillment/worklist/bulk-intent";
import { readForm } from "~/http/read-form.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { handBackReturned, listRefusedRequests, retryRefusedRequests } from "~/automation/refused.server";
import { RefusedRequestsCard } from "~/components/rejections/refused-requests-card";
import { z } from "zod";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";

const t = en.rejections;

export const meta: MetaFunction = () => [{ title: t.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const [inbox, refused] = await Promise.all([
    loadRejectionInbox(admin.graphql, session.shop),
    listRefusedRequests(session.shop),
  ]);
  return json({ ...inbox, refused });
};

const RetryInput = z.object({
  intent: z.enum(["automation-retry", "automation-returned"]),
  ids: z.preprocess(
    (raw) => (typeof raw === "string" ? raw.split(",").filter(Boolean) : raw),
    z
      .array(z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/))
      .min(1)
      .max(100),
  ),
});

// The worklist's bulk request form (rows, batchKey); only a request is a resubmission.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const form = Object.fromEntries(await readForm(request));
  if (form.intent === "automation-retry" || form.intent === "automation-returned") {
    const retry = RetryInput.safeParse(form);
    if (!retry.success) return json<BulkActionData>({ ok: false, error: t.invalid }, { status: 400 });
    const handBack = retry.data.intent === "automation-retry" ? retryRefusedRequests : handBackReturned;
    const queued = await handBack(getJobQueue(), session.shop, retry.data.ids, actorOf(sessionToken));
    return json({ ok: true as const, intent: retry.data.intent, queued });
  }
  const parsed = BulkIntent.safeParse(form);
  if (!parsed.success || parsed.data.intent !== "bulk-request-fulfillment") {
    return json<BulkActionData>({ ok: false, error: t.invalid }, { status: 400 });
  }
  const results = await resubmitRejected(
    admin.graphql,
    { shop: session.shop, actor: actorOf(sessionToken) },
    parsed.data,
  );
  return json<BulkActionData>({ ok: true, intent: parsed.data.intent, results });
};

interface Submission {
  ids: Set<string>;
  names: Record<string, string>;
}

export default function RejectionInbox() {
  const view = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const fetcher = useFetcher<BulkActionData>();
  const retryFetcher = useFetcher<{ ok: true; queued: number } | BulkActionData>();
  const shopify = useAppBridge();
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [shown, setShown] = useState<{ results: BulkRowResult[]; names: Record<string, string> } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const busy = fetcher.state !== "idle";
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/rejections";

  const resubmit = (rows: RejectedFulfillmentOrder[]) => {
    if (rows.length === 0) return;
    setSubmission({
      ids: new Set(rows.map((row) => row.id)),
      names: Object.fromEntries(rows.map((row) => [row.id, row.orderName])),
    });
    setShown(null);
    setError(null);
    fetcher.submit(
      {
        intent: "bulk-request-fulfillment",
        rows: JSON.stringify(rows.map((row) => ({ id: row.id, updatedAt: row.shopifyUpdatedAt }))),
        // A fresh key per click: each FO's idempotency key is derived from it.
        batchKey: crypto.randomUUID(),
      },
      { method: "post" },
    );
  };

  // Each FO's answer, in a banner that outlives the rows (a resubmitted FO leaves the inbox).
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || !submission) return;
    const data = fetcher.data;
    setSubmission(null);
    if (!data.ok) {
      setError(data.error);
      shopify.toast.show(data.error, { isError: true });
      return;
    }
    const done = data.results.filter((r) => r.outcome === "done").length;
    setShown({ results: data.results, names: submission.names });
    shopify.toast.show(en.worklist.bulk.toast(done, data.results.length - done), { isError: done === 0 });
  }, [fetcher.state, fetcher.data, submission, shopify]);

  const pending = submission?.ids ?? new Set<string>();
  const retry = (ids: string[], intent = "automation-retry") =>
    retryFetcher.submit({ intent, ids: ids.join(",") }, { method: "post" });
  useEffect(() => {
    if (retryFetcher.state !== "idle" || !retryFetcher.data) return;
    const data = retryFetcher.data;
    if ("queued" in data) shopify.toast.show(t.refused.queued(data.queued));
    else if (!data.ok) shopify.toast.show(data.error, { isError: true });
  }, [retryFetcher.state, retryFetcher.data, shopify]);

  return (
    <Page title={t.title} subtitle={t.subtitle}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <BulkAnswerBanners
              error={error}
              shown={shown}
              onDismissError={() => setError(null)}
              onDismissResults={() => setShown(null)}
            />
            {view.warningsUnavailable && (
              <Banner tone="warning">
                <p>{t.warningsUnavailable}</p>
              </Banner>
            )}
            {view.truncated && (
              <Banner tone="info">
                <p>{t.truncated(view.total)}</p>
              </Banner>
            )}
            <RefusedRequestsCard refused={view.refused} busy={retryFetcher.state !== "idle"} onRetry={retry} />
            {loading && view.groups.length === 0 ? (
              <Card>
                <SkeletonBodyText lines={4} />
              </Card>
            ) : view.groups.length === 0 && view.refused.length === 0 ? (
              <Card>
                <EmptyState heading={t.empty.heading} image="">
                  <p>{t.empty.body}</p>
                </EmptyState>
              </Card>
            ) : (
              view.groups.map((group) => (
                <RejectionGroupCard
                  key={group.key}
                  group={group}
                  now={view.now}
                  pending={pending}
                  busy={busy}
                  loading={loading}
                  onResubmit={resubmit}
                  onAutomation={(rows) =>
                    retry(
                      rows.map((row) => row.id),
                      "automation-returned",
                    )
                  }
                />
              ))
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
