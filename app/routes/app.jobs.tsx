import type { MetaFunction, ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Box, Card, Layout, Page, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { DeadJobsTable } from "~/components/jobs/dead-jobs-table";
import { FailedDeliveriesTable } from "~/components/jobs/failed-deliveries-table";
import { JobCounts } from "~/components/jobs/job-counts";
import { en } from "~/i18n/en";
import { authenticate } from "~/shopify.server";
import { loadBackgroundJobs, retryJob } from "~/health/background-jobs.server";
import type { RetryOutcome } from "~/health/types";

export const meta: MetaFunction = () => [{ title: `${en.jobs.title} · ${en.appName}` }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await loadBackgroundJobs(session.shop));
};

const JobsIntent = z.discriminatedUnion("intent", [z.object({ intent: z.literal("retry"), jobId: z.string().min(1) })]);

type ActionData = { outcome: RetryOutcome } | { error: string };

const RETRY_STATUS: Record<RetryOutcome, number> = {
  retried: 200,
  "not-found": 404,
  "not-dead": 409,
  "already-active": 409,
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = JobsIntent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json<ActionData>({ error: en.jobs.toast.invalid }, { status: 400 });
  const outcome = await retryJob(session.shop, parsed.data.jobId);
  return json<ActionData>({ outcome }, { status: RETRY_STATUS[outcome] });
};

function toastOf(data: ActionData): { message: string; isError: boolean } {
  const t = en.jobs.toast;
  if (!("outcome" in data)) return { message: data.error, isError: true };
  const messages: Record<RetryOutcome, string> = {
    retried: t.retried,
    "not-found": t.notFound,
    "not-dead": t.notDead,
    "already-active": t.alreadyActive,
  };
  return { message: messages[data.outcome], isError: data.outcome !== "retried" };
}

export default function BackgroundJobs() {
  const { counts, deadJobs, failedDeliveries } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<ActionData>();
  const shopify = useAppBridge();
  const t = en.jobs;
  const retrying = fetcher.state === "idle" ? null : fetcher.formData?.get("jobId");

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const { message, isError } = toastOf(fetcher.data);
    shopify.toast.show(message, { isError });
  }, [fetcher.state, fetcher.data, shopify]);

  return (
    <Page title={t.title} subtitle={t.subtitle}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <JobCounts counts={counts} />
            <Card padding="0">
              <Box padding="400" paddingBlockEnd="200">
                <BlockStack gap="100">
                  <Text as="h2" variant="headingMd">
                    {t.deadHeading}
                  </Text>
                  {deadJobs.length > 0 && (
                    <Text as="p" tone="subdued">
                      {t.deadHelp}
                    </Text>
                  )}
                </BlockStack>
              </Box>
              <DeadJobsTable
                jobs={deadJobs}
                onRetry={(jobId) => fetcher.submit({ intent: "retry", jobId }, { method: "post" })}
                retryingId={typeof retrying === "string" ? retrying : null}
              />
            </Card>
            <Card padding="0">
              <Box padding="400" paddingBlockEnd="200">
                <Text as="h2" variant="headingMd">
                  {t.deliveriesHeading}
                </Text>
              </Box>
              <FailedDeliveriesTable deliveries={failedDeliveries} />
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
