import { Button, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { en } from "~/i18n/en";
import { useShopFormat } from "~/components/shop-format-context";
import type { DeadJobView } from "~/health/types";

const t = en.jobs;

interface DeadJobsTableProps {
  jobs: DeadJobView[];
  onRetry: (jobId: string) => void;
  /** The job whose Retry is in flight, if any. */
  retryingId: string | null;
}

const jobTypeLabel = (type: string) => t.types[type] ?? type;

export function DeadJobsTable({ jobs, onRetry, retryingId }: DeadJobsTableProps) {
  const { dateTime } = useShopFormat();
  if (jobs.length === 0) {
    return (
      <EmptyState heading={t.healthyHeading} image="">
        <p>{t.healthyBody}</p>
      </EmptyState>
    );
  }
  const c = t.columns;
  return (
    <IndexTable
      resourceName={t.resourceName}
      itemCount={jobs.length}
      selectable={false}
      headings={[
        { title: c.type },
        { title: c.attempts },
        { title: c.lastError },
        { title: c.when },
        { title: c.action, hidden: true },
      ]}
    >
      {jobs.map((job, index) => (
        <IndexTable.Row id={job.id} key={job.id} position={index}>
          <IndexTable.Cell>
            <Text as="span" fontWeight="semibold">
              {jobTypeLabel(job.type)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{t.attempts(job.attempts, job.maxAttempts)}</IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" tone={job.lastError ? "critical" : "subdued"} breakWord>
              {job.lastError ?? t.noError}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{dateTime(job.at)}</IndexTable.Cell>
          <IndexTable.Cell>
            <Button
              onClick={() => onRetry(job.id)}
              loading={retryingId === job.id}
              disabled={retryingId !== null && retryingId !== job.id}
              accessibilityLabel={`${t.retry} ${jobTypeLabel(job.type)}`}
            >
              {t.retry}
            </Button>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
