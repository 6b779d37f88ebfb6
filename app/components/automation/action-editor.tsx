import { BlockStack, Checkbox, Select, TextField } from "@shopify/polaris";
import { errorAt, newAction } from "~/automation/rule-draft";
import { type Action, RULE_HOLD_REASONS } from "~/automation/rules/rule-set";
import { en } from "~/i18n/en";
import { NumberField } from "./text-fields";

const t = en.automation.actions;

const optionsOf = (labels: Record<string, string>, values: readonly string[] = Object.keys(labels)) =>
  values.map((value) => ({ value, label: labels[value] ?? value }));

/** The rule's action and its settings; `errors` are the rule's, keyed "action.<field>". */
export function ActionEditor({
  action,
  errors,
  onChange,
}: {
  action: Action;
  errors: Record<string, string> | undefined;
  onChange: (action: Action) => void;
}) {
  const error = (field: string) => errorAt(errors, `action.${field}`);
  return (
    <BlockStack gap="300">
      <Select
        label={t.type}
        options={optionsOf(t.types)}
        value={action.type}
        onChange={(type) => onChange(newAction(type as Action["type"]))}
        error={error("type")}
      />
      {action.type === "request" && (
        <>
          <Select
            label={t.scope}
            options={optionsOf(t.scopes)}
            value={action.scope}
            onChange={(scope) => onChange({ ...action, scope: scope as typeof action.scope })}
            error={error("scope")}
          />
          <NumberField
            label={t.delayMinutes}
            value={action.delayMinutes}
            onChange={(delayMinutes) => onChange({ ...action, delayMinutes: delayMinutes ?? 0 })}
            error={error("delayMinutes")}
          />
          <Checkbox
            label={t.allowUnpaid}
            checked={action.allowUnpaid}
            onChange={(allowUnpaid) => onChange({ ...action, allowUnpaid })}
            error={error("allowUnpaid")}
          />
          <TextField
            label={t.message}
            autoComplete="off"
            value={action.message ?? ""}
            onChange={(message) => onChange({ ...action, message: message === "" ? null : message })}
            error={error("message")}
          />
        </>
      )}
      {action.type === "hold" && (
        <>
          <Select
            label={t.holdReason}
            options={optionsOf(t.holdReasons, RULE_HOLD_REASONS)}
            value={action.reason}
            onChange={(reason) => onChange({ ...action, reason: reason as typeof action.reason })}
            error={error("reason")}
          />
          <TextField
            label={t.notes}
            autoComplete="off"
            value={action.notes ?? ""}
            onChange={(notes) => onChange({ ...action, notes: notes === "" ? null : notes })}
            error={error("notes")}
          />
          <NumberField
            label={t.releaseAfterMinutes}
            helpText={t.releaseAfterHelp}
            value={action.releaseAfterMinutes}
            onChange={(releaseAfterMinutes) => onChange({ ...action, releaseAfterMinutes })}
            error={error("releaseAfterMinutes")}
          />
        </>
      )}
    </BlockStack>
  );
}
