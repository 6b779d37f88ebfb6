// A text field with a limit: a counter as the merchant types, and an inline error once the text
// is longer than the server accepts. The input itself has no maxLength, so a pasted or scanned
// text is never cut short without the merchant seeing it; the server refuses it the same way.
import { TextField, type TextFieldProps } from "@shopify/polaris";
import { en } from "~/i18n/en";

type LimitedTextFieldProps = Omit<
  TextFieldProps,
  "maxLength" | "showCharacterCount" | "value" | "onChange" | "helpText"
> & {
  value: string;
  helpText?: string;
  onChange: (value: string) => void;
  limit: number;
};

export const isTooLong = (value: string, limit: number) => value.length > limit;

export function LimitedTextField({ limit, value, error, helpText, ...props }: LimitedTextFieldProps) {
  const counter = en.actionMessages.characterCount(value.length, limit);
  return (
    <TextField
      {...props}
      value={value}
      helpText={helpText ? `${helpText} · ${counter}` : counter}
      error={isTooLong(value, limit) ? en.actionMessages.tooLong(limit) : error}
    />
  );
}
