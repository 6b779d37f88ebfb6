import { Badge, BlockStack, Box, Button, ButtonGroup, Card, Checkbox, InlineStack, Text } from "@shopify/polaris";
import { describeAction, describeCondition } from "~/automation/describe-rule";
import { move, newRule, removeAt, replaceAt } from "~/automation/rule-draft";
import type { Rule } from "~/automation/rules/rule-set";
import type { WorklistLocationOption } from "~/fulfillment/worklist/types";
import { en } from "~/i18n/en";
import { RuleEditor } from "./rule-editor";

const t = en.automation.rules;

interface RuleListProps {
  rules: Rule[];
  /** Rule N's errors by the field under it ("" = the rule as a whole). */
  errors: Record<number, Record<string, string>>;
  locations: WorklistLocationOption[];
  /** The rule ids whose editor is open. */
  open: string[];
  onOpenChange: (open: string[]) => void;
  /** A change of order, a new or deleted rule: errors no longer line up with the rules. */
  onChange: (rules: Rule[], reordered: boolean) => void;
}

/** The ordered rules: first match wins. Add, edit, delete, reorder and switch each on or off. */
export function RuleList({ rules, errors, locations, open, onOpenChange, onChange }: RuleListProps) {
  const names = Object.fromEntries(locations.map((l) => [l.id, l.name]));
  const toggle = (id: string) => onOpenChange(open.includes(id) ? open.filter((o) => o !== id) : [...open, id]);
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t.heading}
          </Text>
          <Text as="p" tone="subdued">
            {t.help}
          </Text>
        </BlockStack>
        {rules.length === 0 && (
          <Box padding="400" background="bg-surface-secondary" borderRadius="200">
            <Text as="p" alignment="center">
              {t.empty}
            </Text>
          </Box>
        )}
        <BlockStack gap="300" as="ol">
          {rules.map((rule, index) => {
            const ruleErrors = errors[index];
            const editing = open.includes(rule.id);
            return (
              <Box as="li" key={rule.id} padding="300" borderWidth="025" borderColor="border" borderRadius="200">
                <BlockStack gap="300">
                  <InlineStack align="space-between" blockAlign="start" gap="200">
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="h3" variant="headingSm">
                          {`${index + 1}. ${rule.name || "—"}`}
                        </Text>
                        <Badge tone={rule.enabled ? "success" : undefined}>
                          {rule.enabled ? t.enabled : t.disabled}
                        </Badge>
                      </InlineStack>
                      <Text as="p" tone="subdued" variant="bodySm">
                        {rule.conditions.length === 0
                          ? t.everyFo
                          : rule.conditions.map((c) => describeCondition(c, names)).join(" · ")}
                        {" → "}
                        {describeAction(rule.action)}
                      </Text>
                    </BlockStack>
                    <ButtonGroup>
                      <Button
                        size="slim"
                        disabled={index === 0}
                        onClick={() => onChange(move(rules, index, -1), true)}
                        accessibilityLabel={`${t.moveUp}: ${rule.name}`}
                      >
                        ↑
                      </Button>
                      <Button
                        size="slim"
                        disabled={index === rules.length - 1}
                        onClick={() => onChange(move(rules, index, 1), true)}
                        accessibilityLabel={`${t.moveDown}: ${rule.name}`}
                      >
                        ↓
                      </Button>
                      <Button size="slim" pressed={editing} onClick={() => toggle(rule.id)}>
                        {editing ? t.done : t.edit}
                      </Button>
                      <Button
                        size="slim"
                        tone="critical"
                        onClick={() => onChange(removeAt(rules, index), true)}
                        accessibilityLabel={`${t.remove}: ${rule.name}`}
                      >
                        {t.remove}
                      </Button>
                    </ButtonGroup>
                  </InlineStack>
                  <Checkbox
                    label={t.enabled}
                    checked={rule.enabled}
                    onChange={(enabled) => onChange(replaceAt(rules, index, { ...rule, enabled }), false)}
                  />
                  {ruleErrors?.[""] && (
                    <Text as="p" tone="critical">
                      {ruleErrors[""]}
                    </Text>
                  )}
                  {ruleErrors && !editing && (
                    <Text as="p" tone="critical">
                      {t.hasErrors}
                    </Text>
                  )}
                  {editing && (
                    <RuleEditor
                      rule={rule}
                      errors={ruleErrors}
                      locations={locations}
                      onChange={(next) => onChange(replaceAt(rules, index, next), false)}
                    />
                  )}
                </BlockStack>
              </Box>
            );
          })}
        </BlockStack>
        <InlineStack>
          <Button
            onClick={() => {
              const rule = newRule(t.newRuleName(rules.length + 1));
              onChange([...rules, rule], true);
              onOpenChange([...open, rule.id]);
            }}
          >
            {t.add}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
