import { Badge, BlockStack, EmptyState, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { en } from "~/i18n/en";
import { formatDuration } from "~/health/format";
import { useShopFormat } from "~/components/shop-format-context";
import type { ReconcileRunView, RunStatus } from "~/health/types";

const t = en.reconciliation;

const STATUS_TONE: Record<RunStatus, "info" | "success" | "critical"> = {
  running: "info",
  succeeded: "success",
  failed: "critical",
};

interface ReconcileRunsTableProps {
  runs: ReconcileRunView[];
  onReconcileNow: () => void;
  reconciling: boolean;
}

function Count({ value, running }: { value: number; running: boolean }) {
  return (
    <Text as="p" alignment="end" numeric>
      {running ? "—" : value.toLocaleString("en")}
    </Text>
  );
}

/** Unaccounted must be 0; anything else is a critical badge the merchant cannot miss. */
function UnaccountedCell({ run }: { run: ReconcileRunView }) {
  if (run.status === "running") return <Count value={0} running />;
  if (run.unaccounted > 0) {
    return (
      <InlineStack align="end">
        <Badge tone="critical">{run.unaccounted.toLocaleString("en")}</Badge>
      </InlineStack>
    );
  }
  return <Count value={0} running={false} />;
}

export function ReconcileRunsTable({ runs, onReconcileNow, reconciling }: ReconcileRunsTableProps) {
  const { dateTime } = useShopFormat();
  if (runs.length === 0) {
    return (
      <EmptyState
        heading={t.emptyHeading}
        image=""
        action={{ content: t.reconcileNow, onAction: onReconcileNow, loading: reconciling }}
      >
        <p>{t.emptyBody}</p>
      </EmptyState>
    );
  }
  const c = t.columns;
  return (
    <IndexTable
      resourceName={t.resourceName}
      itemCount={runs.length}
      selectable={false}
      headings={[
        { title: c.trigger },
        { title: c.started },
        { title: c.duration },
        { title: c.objectsSeen, alignment: "end" },
        { title: c.alreadyCorrect, alignment: "end" },
        { title: c.repaired, alignment: "end" },
        { title: c.deferred, alignment: "end" },
        { title: c.unaccounted, alignment: "end" },
        { title: c.apiCalls, alignment: "end" },
        { title: c.throttledRetries, alignment: "end" },
        { title: c.status },
      ]}
    >
      {runs.map((run, index) => {
        const running = run.status === "running";
        return (
          <IndexTable.Row id={run.id} key={run.id} position={index} tone={run.unaccounted > 0 ? "critical" : undefined}>
            <IndexTable.Cell>
              <Text as="span" fontWeight="semibold">
                {t.trigger[run.trigger]}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>{dateTime(run.startedAt)}</IndexTable.Cell>
            <IndexTable.Cell>{run.durationMs === null ? t.inProgress : formatDuration(run.durationMs)}</IndexTable.Cell>
            <IndexTable.Cell>
              <Count value={run.objectsSeen} running={running} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Count value={run.alreadyCorrect} running={running} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Count value={run.repaired} running={running} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Count value={run.deferred} running={running} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <UnaccountedCell run={run} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Count value={run.apiCalls} running={running} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Count value={run.throttledRetries} running={running} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <BlockStack gap="100">
                <span>
                  <Badge tone={STATUS_TONE[run.status]}>{t.status[run.status]}</Badge>
                </span>
                {run.error && (
                  <Text as="span" variant="bodySm" tone="critical" breakWord>
                    {run.error}
                  </Text>
                )}
              </BlockStack>
            </IndexTable.Cell>
          </IndexTable.Row>
        );
      })}
    </IndexTable>
  );
}
