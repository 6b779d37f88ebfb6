import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Page, Select, Spinner, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { MAX_DRAFT_BYTES, parseDraftJson, parseDryRunParams, RUN_ID, WINDOW_DAYS } from "~/automation/dry-run/params";
import { type DryRunProgress, dryRunProgress } from "~/automation/dry-run/progress.server";
import { type DryRunOutcome, type DryRunView, performDryRun } from "~/automation/dry-run/run-dry-run.server";
import type { DryRunRow } from "~/automation/dry-run/summary";
import { DryRunList } from "~/components/automation/dry-run-list";
import { DryRunSummaryCards } from "~/components/automation/dry-run-summary";
import { SectionCard } from "~/components/section-card";
import type { FieldErrorMessage } from "~/fulfillment/actions/contract";
import { readForm } from "~/http/read-form.server";
import { readBodyWithin } from "~/webhooks/bounded-body";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";

const t = en.automationDryRun;

export const meta: MetaFunction = () => [{ title: `${t.title} · ${en.appName}` }];

type DryRunData =
  { ok: true; view: DryRunView; draftJson: string | null } | { ok: false; error: string; errors?: FieldErrorMessage[] };

type ProgressData = { ok: true; progress: DryRunProgress | null };

/** A form's fields besides the draft are small: the draft's limit plus room for them. */
const MAX_BODY_BYTES = MAX_DRAFT_BYTES * 2;

const refuse = (status: number, error: string, errors?: FieldErrorMessage[]) =>
  json<DryRunData>({ ok: false, error, ...(errors ? { errors } : {}) }, { status });

function respond(outcome: DryRunOutcome, draftJson: string | null) {
  switch (outcome.kind) {
    case "done":
      return json<DryRunData>({ ok: true, view: outcome.view, draftJson });
    case "not-found":
      return refuse(404, outcome.error);
    case "invalid":
      return refuse(422, outcome.error, outcome.errors);
  }
}

/**
 * The saved rules (or `?version=N`), over `?days=` (7, 30 or 90); `?after=` for a later page;
 * `?progress=<runId>`: how far that run has got (the screen polls it while the run is open).
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const search = new URL(request.url).searchParams;
  const polled = search.get("progress");
  if (polled !== null) {
    if (!RUN_ID.test(polled)) return refuse(400, t.errors.badRunId);
    return json<ProgressData>({ ok: true, progress: dryRunProgress(session.shop, polled) });
  }
  const params = parseDryRunParams((name) => search.get(name), new Date());
  if (!params.ok) return refuse(params.status, params.error);
  return respond(await performDryRun(session.shop, params.value, null), null);
};

/** An unsaved draft posted as the form field `ruleSet` (JSON), e.g. by the settings screen. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  // Counted as it streams (a chunked body declares no length): a huge post is refused, not buffered.
  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if (body.kind === "too-large") return refuse(413, t.errors.bodyTooLarge);
  const headers = new Headers(request.headers);
  headers.delete("Content-Length");
  const form = await readForm(new Request(request.url, { method: "POST", headers, body: body.text }));
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  const params = parseDryRunParams(field, new Date());
  if (!params.ok) return refuse(params.status, params.error);
  const raw = field("ruleSet");
  if (raw === null) return refuse(400, t.errors.badDraft);
  const draft = parseDraftJson(raw);
  if (!draft.ok) return refuse(draft.status, draft.error);
  const outcome = await performDryRun(session.shop, params.value, { raw: draft.value });
  return respond(outcome, outcome.kind === "done" ? raw : null);
};

// A draft's run is the action's answer: re-running the saved rules behind it would be wasted work.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" ? false : defaultShouldRevalidate;

export default function RuleSimulator() {
  const loaded = useLoaderData<typeof loader>() as DryRunData;
  const posted = useActionData<typeof action>() as DryRunData | undefined;
  const data = posted ?? loaded;
  const navigation = useNavigation();
  const running = navigation.state !== "idle";
  const run = data.ok ? data : null;
  const progress = useRunProgress(running, navigation.formData?.get("runId"));

  return (
    <Page title={t.title} subtitle={t.subtitle} backAction={{ content: en.nav.home, url: "/app" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <WindowForm data={run} running={running} />
            {!data.ok && (
              <Banner tone="critical" title={data.error}>
                {data.errors && (
                  <ul>
                    {data.errors.map((e) => (
                      <li key={`${e.field}:${e.message}`}>{e.field ? `${e.field}: ${e.message}` : e.message}</li>
                    ))}
                  </ul>
                )}
              </Banner>
            )}
            {running ? (
              <Card>
                <InlineStack gap="200" blockAlign="center">
                  <Spinner size="small" accessibilityLabel={t.running} />
                  <Text as="p">{progress ? t.progress(progress.replayed, progress.total) : t.running}</Text>
                </InlineStack>
              </Card>
            ) : (
              run && <Results key={`${run.view.until}:${run.draftJson ?? ""}`} run={run} />
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** While a run's request is open, its progress, polled every second (null until known). */
function useRunProgress(running: boolean, runId: FormDataEntryValue | null | undefined): DryRunProgress | null {
  const poll = useFetcher<ProgressData>();
  const { load } = poll;
  useEffect(() => {
    if (!running || typeof runId !== "string") return;
    const timer = setInterval(() => load(`/app/automation/dry-run?progress=${encodeURIComponent(runId)}`), 1_000);
    return () => clearInterval(timer);
  }, [running, runId, load]);
  return running && poll.data?.ok ? poll.data.progress : null;
}

function sourceLine(view: DryRunView): string {
  switch (view.source.kind) {
    case "saved":
      return t.source.saved(view.source.version);
    case "version":
      return t.source.version(view.source.version);
    case "draft":
      return t.source.draft;
  }
}

function WindowForm({ data, running }: { data: Extract<DryRunData, { ok: true }> | null; running: boolean }) {
  const [days, setDays] = useState(String(data?.view.days ?? 30));
  // A new name per run, made in the browser after hydration (the server cannot know it).
  const [runId, setRunId] = useState<string | null>(null);
  useEffect(() => {
    if (!running) setRunId(crypto.randomUUID());
  }, [running]);
  const draft = data?.draftJson ?? null;
  const version = data?.view.source.kind === "version" ? String(data.view.source.version) : null;
  return (
    <Card>
      <Form method={draft ? "post" : "get"}>
        <BlockStack gap="300">
          {data && <Text as="p">{sourceLine(data.view)}</Text>}
          <InlineStack gap="300" blockAlign="end">
            <Select
              label={t.windowLabel}
              name="days"
              options={WINDOW_DAYS.map((d) => ({ label: t.windowOption(d), value: String(d) }))}
              value={days}
              onChange={setDays}
            />
            {draft && <input type="hidden" name="ruleSet" value={draft} />}
            {version && <input type="hidden" name="version" value={version} />}
            {runId && <input type="hidden" name="runId" value={runId} />}
            <Button submit variant="primary" loading={running}>
              {t.run}
            </Button>
          </InlineStack>
          <Text as="p" tone="subdued">
            {t.assumptions}
          </Text>
        </BlockStack>
      </Form>
    </Card>
  );
}

/** The run's counts, and its list a page at a time (later pages replay from their cursor). */
function Results({ run }: { run: Extract<DryRunData, { ok: true }> }) {
  const { view, draftJson } = run;
  const pages = useFetcher<typeof loader>();
  const [trail, setTrail] = useState<string[]>([]);
  const [page, setPage] = useState<{ rows: DryRunRow[]; nextCursor: string | null }>(view);

  useEffect(() => {
    const answer = pages.data as DryRunData | undefined;
    if (pages.state === "idle" && answer?.ok) setPage(answer.view);
  }, [pages.state, pages.data]);

  const go = (after: string | null) => {
    if (after === null) return setPage(view);
    const fields: Record<string, string> = { days: String(view.days), until: view.until, after };
    if (view.source.kind === "version") fields.version = String(view.source.version);
    if (draftJson) pages.submit({ ...fields, ruleSet: draftJson }, { method: "post" });
    else pages.load(`/app/automation/dry-run?${new URLSearchParams(fields).toString()}`);
  };

  // A later page opened by its URL has no counts: it shows the list alone.
  const summary = view.summary;
  if (summary && summary.total === 0 && summary.folded === 0) {
    return <SectionCard heading={t.emptyHeading} empty={t.emptyBody} />;
  }
  return (
    <BlockStack gap="400">
      {summary && <DryRunSummaryCards summary={summary} />}
      <DryRunList
        rows={page.rows}
        loading={pages.state !== "idle"}
        hasPrevious={trail.length > 0}
        hasNext={page.nextCursor !== null}
        onPrevious={() => {
          const previous = trail.slice(0, -1);
          setTrail(previous);
          go(previous.at(-1) ?? null);
        }}
        onNext={() => {
          setTrail([...trail, page.nextCursor!]);
          go(page.nextCursor);
        }}
      />
    </BlockStack>
  );
}
