import { BlockStack, Button, ChoiceList, InlineStack, Select, Text } from "@shopify/polaris";
import { errorAt } from "~/automation/rule-draft";
import { type Condition, DELIVERY_METHODS, FINANCIAL_STATUSES, RISK_LEVELS } from "~/automation/rules/rule-set";
import type { WorklistLocationOption } from "~/fulfillment/worklist/types";
import { en } from "~/i18n/en";
import { ListField, NumberField } from "./text-fields";

const t = en.automation.conditions;

interface ConditionEditorProps {
  condition: Condition;
  /** This condition's errors, by field under it ("in", "countries", "min"…). */
  errors: Record<string, string> | undefined;
  locations: WorklistLocationOption[];
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}

const choicesOf = (values: readonly string[], labels: Record<string, string>) =>
  values.map((value) => ({ label: labels[value] ?? value, value }));

/** One condition's fields, by its type; each field shows its own error. */
export function ConditionEditor({ condition, errors, locations, onChange, onRemove }: ConditionEditorProps) {
  const error = (field: string) => errorAt(errors, field);
  const title = t.types[condition.type] ?? condition.type;
  return (
    <BlockStack gap="200">
      <InlineStack align="space-between" blockAlign="center">
        <Text as="h4" variant="headingSm">
          {title}
        </Text>
        <Button
          variant="plain"
          tone="critical"
          onClick={onRemove}
          accessibilityLabel={`${t.types[condition.type]}: remove`}
        >
          {en.automation.rules.removeCondition}
        </Button>
      </InlineStack>
      {fieldsOf(condition, error, locations, onChange)}
      {(errors?.[""] ?? error("type")) && (
        <Text as="p" tone="critical">
          {errors?.[""] ?? error("type")}
        </Text>
      )}
    </BlockStack>
  );
}

function fieldsOf(
  condition: Condition,
  error: (field: string) => string | undefined,
  locations: WorklistLocationOption[],
  onChange: (condition: Condition) => void,
) {
  switch (condition.type) {
    case "delivery-method":
    case "financial-status":
    case "risk-level": {
      const [values, labels] =
        condition.type === "delivery-method"
          ? [DELIVERY_METHODS, t.deliveryMethods]
          : condition.type === "financial-status"
            ? [FINANCIAL_STATUSES, t.financialStatuses]
            : [RISK_LEVELS, t.riskLevels];
      return (
        <ChoiceList
          title={t.types[condition.type]}
          titleHidden
          allowMultiple
          choices={choicesOf(values, labels)}
          selected={condition.in}
          onChange={(selected) => onChange({ ...condition, in: selected } as Condition)}
          error={error("in")}
        />
      );
    }
    case "location":
      if (locations.length === 0 && condition.in.length === 0) {
        return (
          <Text as="p" tone="subdued">
            {t.noLocations}
          </Text>
        );
      }
      return (
        <ChoiceList
          title={t.types.location}
          titleHidden
          allowMultiple
          choices={[
            ...locations.map((l) => ({ label: l.name, value: l.id })),
            // A saved location the ledger no longer lists stays visible, so it can be removed.
            ...condition.in.filter((id) => !locations.some((l) => l.id === id)).map((id) => ({ label: id, value: id })),
          ]}
          selected={condition.in}
          onChange={(selected) => onChange({ ...condition, in: selected })}
          error={error("in")}
        />
      );
    case "destination":
      return (
        <>
          <ListField
            label={t.countries}
            helpText={t.countriesHelp}
            value={condition.countries}
            onChange={(countries) => onChange({ ...condition, countries: countries.map((c) => c.toUpperCase()) })}
            error={error("countries")}
          />
          <ListField
            label={t.regions}
            helpText={t.regionsHelp}
            value={condition.regions}
            onChange={(regions) => onChange({ ...condition, regions: regions.map((r) => r.toUpperCase()) })}
            error={error("regions")}
          />
        </>
      );
    case "line-sku":
    case "line-product-tag":
    case "line-vendor":
    case "order-tag": {
      const matches = condition.type === "order-tag" ? t.tagMatch : t.lineMatch;
      return (
        <>
          <Select
            label={t.types[condition.type]}
            labelHidden
            options={Object.entries(matches).map(([value, label]) => ({ value, label }))}
            value={condition.match}
            onChange={(match) => onChange({ ...condition, match } as Condition)}
            error={error("match")}
          />
          <ListField
            label={t.values}
            helpText={t.valuesHelp}
            value={condition.values}
            onChange={(values) => onChange({ ...condition, values })}
            error={error("values")}
          />
        </>
      );
    }
    case "order-total":
      return (
        <InlineStack gap="300" wrap={false}>
          <NumberField
            label={t.min}
            value={condition.min}
            onChange={(min) => onChange({ ...condition, min })}
            error={error("min")}
          />
          <NumberField
            label={t.max}
            value={condition.max}
            onChange={(max) => onChange({ ...condition, max })}
            error={error("max")}
          />
        </InlineStack>
      );
    case "order-age":
      return (
        <InlineStack gap="300" wrap={false}>
          <NumberField
            label={t.minMinutes}
            value={condition.minMinutes}
            onChange={(minMinutes) => onChange({ ...condition, minMinutes })}
            error={error("minMinutes")}
          />
          <NumberField
            label={t.maxMinutes}
            value={condition.maxMinutes}
            onChange={(maxMinutes) => onChange({ ...condition, maxMinutes })}
            error={error("maxMinutes")}
          />
        </InlineStack>
      );
  }
}
