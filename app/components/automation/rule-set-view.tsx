import { Badge, BlockStack, Box, InlineStack, List, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { describeAction, describeCondition } from "~/automation/describe-rule";
import type { RuleSet } from "~/automation/rules/rule-set";
import { en } from "~/i18n/en";
import { DefaultsCard } from "./defaults-card";

const t = en.automation.rules;

/** A saved version of the rules, read-only: each rule's conditions and action, then the defaults. */
export function RuleSetView({ ruleSet }: { ruleSet: RuleSet }) {
  return (
    <BlockStack gap="400">
      <SectionCard heading={t.heading} empty={ruleSet.rules.length === 0 ? t.empty : null}>
        <BlockStack gap="300" as="ol">
          {ruleSet.rules.map((rule, index) => (
            <Box as="li" key={rule.id} padding="300" borderWidth="025" borderColor="border" borderRadius="200">
              <BlockStack gap="200">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h3" variant="headingSm">
                    {`${index + 1}. ${rule.name}`}
                  </Text>
                  <Badge tone={rule.enabled ? "success" : undefined}>{rule.enabled ? t.enabled : t.disabled}</Badge>
                </InlineStack>
                {rule.conditions.length === 0 ? (
                  <Text as="p">{t.everyFo}</Text>
                ) : (
                  <List>
                    {rule.conditions.map((condition, i) => (
                      <List.Item key={i}>{describeCondition(condition)}</List.Item>
                    ))}
                  </List>
                )}
                <Text as="p" fontWeight="semibold">
                  {`${t.actionHeading}: ${describeAction(rule.action)}`}
                </Text>
              </BlockStack>
            </Box>
          ))}
        </BlockStack>
      </SectionCard>
      <DefaultsCard defaults={ruleSet.defaults} errors={{}} readOnly />
    </BlockStack>
  );
}
