import { Button, Card, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { type ActivityParams, DECISION_OUTCOMES, DECISION_STATUSES } from "~/automation/activity-params";
import { en } from "~/i18n/en";

const t = en.automation.activity;

type Errors = Partial<Record<"rule" | "outcome" | "status" | "from" | "to", string>>;

interface ActivityFiltersProps {
  params: ActivityParams;
  rules: { id: string; name: string }[];
  timeZone: string;
  errors: Errors;
  /** New filters (the cursor is dropped: the first page of the new selection). */
  onApply: (params: ActivityParams) => void;
}

const anyOption = { label: t.filters.any, value: "" };

/** Filters by rule, outcome, status and days (in the shop's time zone). */
export function ActivityFilters({ params, rules, timeZone, errors, onApply }: ActivityFiltersProps) {
  const [ruleId, setRuleId] = useState(params.ruleId ?? "");
  const [outcome, setOutcome] = useState<string>(params.outcome ?? "");
  const [status, setStatus] = useState<string>(params.status ?? "");
  const [from, setFrom] = useState(params.from ?? "");
  const [to, setTo] = useState(params.to ?? "");
  const apply = () =>
    onApply({
      ruleId: ruleId || null,
      outcome: (outcome || null) as ActivityParams["outcome"],
      status: (status || null) as ActivityParams["status"],
      from: from || null,
      to: to || null,
      after: null,
      before: null,
    });
  const clear = () => {
    for (const set of [setRuleId, setOutcome, setStatus, setFrom, setTo]) set("");
    onApply({ ruleId: null, outcome: null, status: null, from: null, to: null, after: null, before: null });
  };
  return (
    <Card>
      <FormLayout>
        <FormLayout.Group condensed>
          <Select
            label={t.filters.rule}
            options={[anyOption, ...rules.map((r) => ({ label: r.name, value: r.id }))]}
            value={ruleId}
            onChange={setRuleId}
            error={errors.rule}
          />
          <Select
            label={t.filters.outcome}
            options={[anyOption, ...DECISION_OUTCOMES.map((o) => ({ label: t.outcomes[o] ?? o, value: o }))]}
            value={outcome}
            onChange={setOutcome}
            error={errors.outcome}
          />
          <Select
            label={t.filters.status}
            options={[anyOption, ...DECISION_STATUSES.map((s) => ({ label: t.statuses[s] ?? s, value: s }))]}
            value={status}
            onChange={setStatus}
            error={errors.status}
          />
          {/* Text, not type="date": Polaris renders a date input differently on the server and in the browser. */}
          <TextField
            label={t.filters.from}
            placeholder="YYYY-MM-DD"
            autoComplete="off"
            value={from}
            onChange={setFrom}
            error={errors.from}
          />
          <TextField
            label={t.filters.to}
            placeholder="YYYY-MM-DD"
            autoComplete="off"
            value={to}
            onChange={setTo}
            error={errors.to}
          />
        </FormLayout.Group>
        <InlineStack align="space-between" blockAlign="center">
          <Text as="p" tone="subdued" variant="bodySm">
            {t.filters.dateHelp(timeZone)}
          </Text>
          <InlineStack gap="200">
            <Button onClick={clear}>{t.filters.clear}</Button>
            <Button variant="primary" onClick={apply}>
              {t.filters.apply}
            </Button>
          </InlineStack>
        </InlineStack>
      </FormLayout>
    </Card>
  );
}
