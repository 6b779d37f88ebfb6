import { Checkbox, List, TextField } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import type { Defaults } from "~/automation/rules/rule-set";
import { en } from "~/i18n/en";

const t = en.automation.defaults;

/** The defaults that mirror Shopify's own: two settings and two fixed facts. */
export function DefaultsCard({
  defaults,
  errors,
  readOnly = false,
  onChange,
}: {
  defaults: Defaults;
  errors: Record<string, string>;
  readOnly?: boolean;
  onChange?: (defaults: Defaults) => void;
}) {
  return (
    <SectionCard heading={t.heading}>
      <TextField
        label={t.preOrderTag}
        helpText={t.preOrderTagHelp}
        autoComplete="off"
        readOnly={readOnly}
        value={defaults.preOrderTag ?? ""}
        onChange={(tag) => onChange?.({ ...defaults, preOrderTag: tag.trim() === "" ? null : tag })}
        error={errors.preOrderTag}
      />
      <Checkbox
        label={t.holdHighRisk}
        disabled={readOnly}
        checked={defaults.holdHighRisk}
        onChange={(holdHighRisk) => onChange?.({ ...defaults, holdHighRisk })}
        error={errors.holdHighRisk}
      />
      <List>
        <List.Item>{t.pickupFact}</List.Item>
        <List.Item>{t.unpaidFact}</List.Item>
      </List>
    </SectionCard>
  );
}
