import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Card, Layout, Page } from "@shopify/polaris";
import { useCallback, useEffect, useState } from "react";
import { BulkAnswerBanners } from "~/components/worklist/bulk-results-banner";
import { HoldModal } from "~/components/worklist/hold-modal";
import { WorklistFilters } from "~/components/worklist/worklist-filters";
import { WorklistTable } from "~/components/worklist/worklist-table";
import { actorOf } from "~/fulfillment/detail/action-response";
import { runBulkAction } from "~/fulfillment/worklist/bulk-actions.server";
import {
  type BulkActionData,
  BulkIntent,
  type BulkIntentName,
  type BulkRowResult,
} from "~/fulfillment/worklist/bulk-intent";
import { loadWorklist } from "~/fulfillment/worklist/load-worklist.server";
import {
  decodeCursor,
  filterProblems,
  hasFilters,
  NO_FILTERS,
  parseWorklistParams,
  type WorklistParams,
  worklistSearch,
  withFilters,
} from "~/fulfillment/worklist/params";
import type { WorklistRow } from "~/fulfillment/worklist/types";
import { readForm } from "~/http/read-form.server";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";

const t = en.worklist;

export const meta: MetaFunction = () => [{ title: t.documentTitle }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const search = new URL(request.url).searchParams;
  // A refused search or tag is left out and reported, so the screen can say why.
  return json({ ...(await loadWorklist(session.shop, parseWorklistParams(search))), problems: filterProblems(search) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const parsed = BulkIntent.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json<BulkActionData>({ ok: false, error: t.bulk.invalid }, { status: 400 });
  const results = await runBulkAction(admin.graphql, { shop: session.shop, actor: actorOf(sessionToken) }, parsed.data);
  return json<BulkActionData>({ ok: true, intent: parsed.data.intent, results });
};

interface ShownResults {
  results: BulkRowResult[];
  names: Record<string, string>;
}

export default function Worklist() {
  const view = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const fetcher = useFetcher<BulkActionData>();
  const shopify = useAppBridge();
  const [holdRows, setHoldRows] = useState<WorklistRow[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<ShownResults | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loading = navigation.state === "loading" && navigation.location.pathname === "/app";
  const busy = fetcher.state !== "idle";
  const params = view.params as WorklistParams;

  const go = useCallback(
    (next: WorklistParams) => navigate({ pathname: "/app", search: worklistSearch(next) }),
    [navigate],
  );

  const submit = (intent: BulkIntentName, rows: WorklistRow[], extra: Record<string, string> = {}) => {
    if (rows.length === 0) return;
    setNames(Object.fromEntries(rows.map((row) => [row.id, row.orderName])));
    setShown(null);
    setError(null);
    fetcher.submit(
      {
        intent,
        rows: JSON.stringify(rows.map((row) => ({ id: row.id, updatedAt: row.shopifyUpdatedAt }))),
        // A fresh key per click: each row's idempotency key is derived from it.
        batchKey: crypto.randomUUID(),
        ...extra,
      },
      { method: "post" },
    );
  };

  // The per-row answer of a bulk action: a banner with every row, and a toast.
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const data = fetcher.data;
    if (!data.ok) {
      setError(data.error);
      shopify.toast.show(data.error, { isError: true });
      return;
    }
    const done = data.results.filter((r) => r.outcome === "done").length;
    setShown({ results: data.results, names });
    shopify.toast.show(t.bulk.toast(done, data.results.length - done), { isError: done === 0 });
    // names is captured at submit time; the answer belongs to that submission.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data, shopify]);

  const after = decodeCursor(view.nextCursor);
  const before = decodeCursor(view.previousCursor);

  return (
    <Page fullWidth title={t.title} subtitle={t.subtitle}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <BulkAnswerBanners
              error={error}
              shown={shown}
              onDismissError={() => setError(null)}
              onDismissResults={() => setShown(null)}
            />
            <Card padding="0">
              <WorklistFilters
                params={params}
                counts={view.counts}
                countLimit={view.countLimit}
                locations={view.locations}
                problems={view.problems}
                loading={loading}
                onChange={go}
              />
              <WorklistTable
                tab={params.tab}
                rows={view.rows}
                now={view.now}
                filtered={hasFilters(params)}
                loading={loading}
                hasNext={after !== null}
                hasPrevious={before !== null}
                onNext={() => after && go({ ...params, after, before: null })}
                onPrevious={() => before && go({ ...params, after: null, before })}
                onClearFilters={() => go(withFilters(params, NO_FILTERS))}
                onBulkAction={(intent, rows) => (intent === "bulk-hold" ? setHoldRows(rows) : submit(intent, rows))}
                busy={busy}
              />
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
      <HoldModal
        open={holdRows !== null}
        count={holdRows?.length ?? 0}
        onClose={() => setHoldRows(null)}
        onSubmit={({ reason, reasonNotes }) => {
          const rows = holdRows ?? [];
          setHoldRows(null);
          submit("bulk-hold", rows, reasonNotes ? { reason, reasonNotes } : { reason });
        }}
      />
    </Page>
  );
}
