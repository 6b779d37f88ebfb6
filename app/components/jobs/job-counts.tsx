import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { en } from "~/i18n/en";
import { JOB_STATUSES, type JobStatus } from "~/jobs/job-queue";
import type { JobCounts as Counts } from "~/health/types";

const t = en.jobs;

const TONE: Partial<Record<JobStatus, "critical" | "success">> = { dead: "critical", succeeded: "success" };

export function JobCounts({ counts }: { counts: Counts }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t.countsHeading}
        </Text>
        <InlineGrid columns={{ xs: 2, sm: 5 }} gap="400">
          {JOB_STATUSES.map((status) => (
            <BlockStack key={status} gap="100">
              <Text as="span" tone="subdued">
                {t.status[status]}
              </Text>
              <Text
                as="span"
                variant="headingLg"
                numeric
                tone={counts[status] > 0 && TONE[status] === "critical" ? "critical" : undefined}
              >
                {counts[status].toLocaleString("en")}
              </Text>
            </BlockStack>
          ))}
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
