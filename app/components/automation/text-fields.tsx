// Text fields whose typed text differs from what the rule stores: a comma-separated list, a
// number that may be empty. The text is kept as typed ("a, " stays while typing) and the stored
// value follows it.
import { TextField } from "@shopify/polaris";
import { useState } from "react";
import { listOf, numberOrNull } from "~/automation/rule-draft";

interface FieldProps {
  label: string;
  helpText?: string;
  error?: string | undefined;
}

export function ListField({
  value,
  onChange,
  ...field
}: FieldProps & { value: string[]; onChange: (value: string[]) => void }) {
  const [text, setText] = useState(value.join(", "));
  return (
    <TextField
      {...field}
      autoComplete="off"
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(listOf(next));
      }}
    />
  );
}

export function NumberField({
  value,
  onChange,
  ...field
}: FieldProps & { value: number | null; onChange: (value: number | null) => void }) {
  const [text, setText] = useState(value === null ? "" : String(value));
  return (
    <TextField
      {...field}
      type="number"
      min={0}
      autoComplete="off"
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(numberOrNull(next));
      }}
    />
  );
}
