// The simulator's counts: per outcome, and per rule (in the rule set's order, then the defaults).
import { BlockStack, DataTable } from "@shopify/polaris";
import type { DryRunSummary } from "~/automation/dry-run/summary";
import { DECISION_KINDS } from "~/automation/dry-run/summary";
import { SectionCard } from "~/components/section-card";
import { formatCount } from "~/components/worklist/format";
import { en } from "~/i18n/en";

const t = en.automationDryRun;

export function DryRunSummaryCards({ summary }: { summary: DryRunSummary }) {
  // release_hold is a later step (a hold's time is up), never a first decision: shown only if counted.
  const kinds = DECISION_KINDS.filter((kind) => summary.byOutcome[kind] > 0 || kind !== "release_hold");
  return (
    <BlockStack gap="400">
      <SectionCard heading={t.outcomesHeading} empty={t.totals(summary.total, summary.folded)}>
        <DataTable
          columnContentTypes={["text", "numeric"]}
          headings={[t.columns.outcome, t.columns.count]}
          rows={kinds.map((kind) => [t.outcome[kind], formatCount(summary.byOutcome[kind])])}
        />
      </SectionCard>
      <SectionCard heading={t.rulesHeading}>
        <DataTable
          columnContentTypes={["text", "numeric", ...kinds.map(() => "numeric" as const)]}
          headings={[t.columns.rule, t.columns.total, ...kinds.map((kind) => t.outcome[kind])]}
          rows={summary.byRule.map((rule) => [
            rule.ruleName ?? t.defaultsRule,
            formatCount(rule.total),
            ...kinds.map((kind) => formatCount(rule.byOutcome[kind])),
          ])}
        />
      </SectionCard>
    </BlockStack>
  );
}
