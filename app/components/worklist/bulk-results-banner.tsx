// What a bulk action did, row by row: done, or skipped with Shopify's or our reason.
import { Banner, BlockStack, List, Text } from "@shopify/polaris";
import type { BulkRowResult } from "~/fulfillment/worklist/bulk-intent";
import { en } from "~/i18n/en";

const t = en.worklist.bulk;

interface BulkResultsBannerProps {
  results: BulkRowResult[];
  /** Order names of the rows, by FO id, as the page showed them. */
  names: Record<string, string>;
  onDismiss: () => void;
}

function BulkResultsBanner({ results, names, onDismiss }: BulkResultsBannerProps) {
  const done = results.filter((r) => r.outcome === "done").length;
  const skipped = results.length - done;
  return (
    <Banner
      title={t.resultsTitle(done, skipped)}
      tone={skipped === 0 ? "success" : done === 0 ? "critical" : "warning"}
      onDismiss={onDismiss}
    >
      <BlockStack gap="100">
        <List type="bullet">
          {results.map((result) => (
            <List.Item key={result.id}>
              <span data-bulk-result={result.outcome}>
                <Text as="span" fontWeight="semibold">
                  {names[result.id] ?? result.id}
                </Text>{" "}
                — {result.outcome === "done" ? t.done : t.skipped}: {result.message}
              </span>
            </List.Item>
          ))}
        </List>
      </BlockStack>
    </Banner>
  );
}

/** A bulk submission's answer: the refusal of the whole submission, or the row-by-row results. */
export function BulkAnswerBanners(props: {
  error: string | null;
  shown: { results: BulkRowResult[]; names: Record<string, string> } | null;
  onDismissError: () => void;
  onDismissResults: () => void;
}) {
  return (
    <>
      {props.error && (
        <Banner tone="critical" onDismiss={props.onDismissError}>
          <p>{props.error}</p>
        </Banner>
      )}
      {props.shown && (
        <BulkResultsBanner results={props.shown.results} names={props.shown.names} onDismiss={props.onDismissResults} />
      )}
    </>
  );
}
