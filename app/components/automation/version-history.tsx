import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { Link } from "@remix-run/react";
import type { RuleSetVersionSummary } from "~/automation/settings-views";
import { useShopFormat } from "~/components/shop-format-context";
import { en } from "~/i18n/en";

const t = en.automation.versions;

/** Who saved each version and when, newest first; each opens read-only. */
export function VersionHistory({ versions, current }: { versions: RuleSetVersionSummary[]; current: number }) {
  const { dateTime } = useShopFormat();
  return (
    <SectionCard heading={t.heading} empty={versions.length === 0 ? t.empty : null}>
      {versions.length > 0 && (
        <BlockStack gap="200" as="ul">
          {versions.map((v) => (
            <BlockStack gap="050" as="li" key={v.version}>
              <InlineStack gap="200" blockAlign="center">
                <Link to={`/app/automation/versions/${v.version}`}>
                  <Text as="span" fontWeight="semibold">
                    {t.label(v.version)}
                  </Text>
                </Link>
                {v.version === current && <Badge tone="success">{t.current}</Badge>}
              </InlineStack>
              <Text as="p" tone="subdued" variant="bodySm">
                {dateTime(v.createdAt)} · {t.by(v.actor)} · {t.rules(v.rules)}
              </Text>
            </BlockStack>
          ))}
        </BlockStack>
      )}
    </SectionCard>
  );
}
