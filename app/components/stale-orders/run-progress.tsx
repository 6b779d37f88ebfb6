import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  IndexTable,
  InlineStack,
  ProgressBar,
  Spinner,
  Text,
} from "@shopify/polaris";
import { en } from "~/i18n/en";
import { useShopFormat } from "~/components/shop-format-context";
import type { ItemStatus } from "~/stale-orders/options";
import { progressOf, type RunItemView, type RunView } from "~/stale-orders/views";

const t = en.staleOrders.run;

const ITEM_TONE: Record<ItemStatus, "info" | "success" | "warning" | "critical" | undefined> = {
  pending: undefined,
  cancelling: "info",
  cancelled: "success",
  skipped: "warning",
  failed: "critical",
};

interface RunProgressProps {
  run: RunView | null;
  items: RunItemView[];
  onDownload: (runId: string) => void;
}

function failureOf(run: RunView): string {
  const reason = run.failureReason ?? "";
  return t.failureReasons[reason] ?? reason;
}

function detailOf(item: RunItemView): string {
  if (!item.outcome) return "";
  const ex = en.staleOrders.exclusion as Record<string, string>;
  return (
    ex[item.outcome] ??
    en.staleOrders.skipped[item.outcome] ??
    en.staleOrders.notCancelled[item.outcome] ??
    item.outcome
  );
}

const RUN_TONE: Record<RunView["status"], "info" | "success" | "attention" | "critical"> = {
  preparing: "attention",
  queued: "info",
  running: "info",
  finished: "success",
  failed: "critical",
};

/** While a confirmed run's job checks the selection against Shopify: no count to show yet. */
function Preparing({ run }: { run: RunView }) {
  return (
    <InlineStack gap="200" blockAlign="center" wrap={false}>
      <Spinner size="small" accessibilityLabel={t.status.preparing ?? "Preparing"} />
      <BlockStack gap="050">
        <Text as="p" fontWeight="semibold">
          {t.preparing(run.selected)}
        </Text>
        <Text as="p" tone="subdued">
          {t.preparingHelp}
        </Text>
      </BlockStack>
    </InlineStack>
  );
}

function Counts({ run }: { run: RunView }) {
  const progress = progressOf(run);
  const done = run.cancelled + run.skipped + run.failed;
  const leftOut = t.leftOut(run);
  return (
    <>
      <ProgressBar
        progress={progress}
        ariaLabelledBy="stale-orders-run-progress"
        tone={
          run.failed > 0 || run.status === "failed" ? "critical" : run.status === "finished" ? "success" : "primary"
        }
      />
      <InlineStack align="space-between">
        <Text as="p" id="stale-orders-run-progress">
          {t.progress(done, run.total)} ({progress}%)
        </Text>
        <Text as="p">{t.counts(run)}</Text>
      </InlineStack>
      {leftOut ? (
        <Text as="p" tone="subdued">
          {leftOut}
        </Text>
      ) : null}
    </>
  );
}

/** The newest run: preparing, then a live progress bar, the counts, and the result of every order. */
export function RunProgress({ run, items, onDownload }: RunProgressProps) {
  const { dateTime } = useShopFormat();
  if (!run) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t.heading}
          </Text>
          <Text as="p">{t.none}</Text>
        </BlockStack>
      </Card>
    );
  }
  const c = t.columns;
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h2" variant="headingMd">
                {t.heading}
              </Text>
              <Badge tone={RUN_TONE[run.status]}>{t.status[run.status] ?? run.status}</Badge>
            </InlineStack>
            {run.status === "preparing" ? null : <Button onClick={() => onDownload(run.id)}>{t.download}</Button>}
          </InlineStack>
          <Text as="p" tone="subdued">
            {dateTime(run.createdAt)} · {en.staleOrders.activity.byActor(run.actor)}
          </Text>
          {run.status === "failed" ? (
            <Banner tone="critical" title={t.failedTitle}>
              <BlockStack gap="100">
                <Text as="p">{failureOf(run)}</Text>
                <Text as="p">{t.failedHelp}</Text>
              </BlockStack>
            </Banner>
          ) : null}
          {run.status === "preparing" ? <Preparing run={run} /> : <Counts run={run} />}
        </BlockStack>
      </Box>
      <IndexTable
        resourceName={en.staleOrders.preview.resourceName}
        itemCount={items.length}
        selectable={false}
        headings={[{ title: c.order }, { title: c.result }, { title: c.detail }]}
      >
        {items.map((item, index) => (
          <IndexTable.Row id={item.orderId} key={item.orderId} position={index}>
            <IndexTable.Cell>{item.orderName}</IndexTable.Cell>
            <IndexTable.Cell>
              <Badge tone={ITEM_TONE[item.status]}>{t.itemStatus[item.status] ?? item.status}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>{detailOf(item)}</IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
