import { BlockStack, Box, Button, Divider, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { CONDITION_TYPES, conditionErrors, errorAt, newCondition, removeAt, replaceAt } from "~/automation/rule-draft";
import type { ConditionType, Rule } from "~/automation/rules/rule-set";
import type { WorklistLocationOption } from "~/fulfillment/worklist/types";
import { en } from "~/i18n/en";
import { ActionEditor } from "./action-editor";
import { ConditionEditor } from "./condition-editor";

const t = en.automation.rules;

interface RuleEditorProps {
  rule: Rule;
  /** The rule's errors, keyed by the field under the rule ("conditions.0.in", "action.delayMinutes"). */
  errors: Record<string, string> | undefined;
  locations: WorklistLocationOption[];
  onChange: (rule: Rule) => void;
}

/** Every field of one rule: its name, any combination of conditions, and its action. */
export function RuleEditor({ rule, errors, locations, onChange }: RuleEditorProps) {
  const [adding, setAdding] = useState<ConditionType>("delivery-method");
  // Keys survive removals, so a condition's typed text stays with its condition.
  const [keys, setKeys] = useState(() => rule.conditions.map((_, i) => i));
  const [nextKey, setNextKey] = useState(rule.conditions.length);
  const conditionsError = errors?.conditions;
  return (
    <BlockStack gap="400">
      <TextField
        label={t.name}
        autoComplete="off"
        value={rule.name}
        onChange={(name) => onChange({ ...rule, name })}
        error={errorAt(errors, "name")}
      />
      <BlockStack gap="300">
        <Text as="h3" variant="headingSm">
          {t.conditionsHeading}
        </Text>
        {rule.conditions.length === 0 && (
          <Text as="p" tone="subdued">
            {t.noConditions}
          </Text>
        )}
        {rule.conditions.map((condition, index) => (
          <Box key={keys[index]} padding="300" borderWidth="025" borderColor="border" borderRadius="200">
            <ConditionEditor
              condition={condition}
              errors={conditionErrors(errors, index)}
              locations={locations}
              onChange={(next) => onChange({ ...rule, conditions: replaceAt(rule.conditions, index, next) })}
              onRemove={() => {
                setKeys(removeAt(keys, index));
                onChange({ ...rule, conditions: removeAt(rule.conditions, index) });
              }}
            />
          </Box>
        ))}
        {conditionsError && (
          <Text as="p" tone="critical">
            {conditionsError}
          </Text>
        )}
        <InlineStack gap="200" blockAlign="end">
          <Select
            label={en.automation.rules.conditionType}
            options={CONDITION_TYPES.map((type) => ({
              value: type,
              label: en.automation.conditions.types[type] ?? type,
            }))}
            value={adding}
            onChange={(type) => setAdding(type as ConditionType)}
          />
          <Button
            onClick={() => {
              setKeys([...keys, nextKey]);
              setNextKey(nextKey + 1);
              onChange({ ...rule, conditions: [...rule.conditions, newCondition(adding)] });
            }}
          >
            {t.addCondition}
          </Button>
        </InlineStack>
      </BlockStack>
      <Divider />
      <BlockStack gap="300">
        <Text as="h3" variant="headingSm">
          {t.actionHeading}
        </Text>
        <ActionEditor action={rule.action} errors={errors} onChange={(action) => onChange({ ...rule, action })} />
      </BlockStack>
    </BlockStack>
  );
}
