import { BlockStack, InlineGrid, Text, TextField } from "@shopify/polaris";
import { chooseQuantities, lineFieldName } from "~/fulfillment/detail/line-quantities";
import type { LineItemView } from "~/fulfillment/detail/types";
import { en } from "~/i18n/en";

const t = en.actions.lines;

/**
 * One quantity per line with something remaining. The hidden fields carry the chosen lines
 * only when the merchant changed a quantity: no lines means "everything remaining".
 */
export function LineQuantityFields({
  lines,
  byLine,
  onChange,
  errorFor,
  idPrefix,
}: {
  lines: readonly LineItemView[];
  byLine: Record<string, number>;
  onChange: (next: Record<string, number>) => void;
  errorFor: (field: string) => string | undefined;
  idPrefix: string;
}) {
  const open = lines.filter((line) => line.remainingQuantity > 0);
  const { chosen } = chooseQuantities(lines, byLine);
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t.heading}
      </Text>
      <Text as="p" tone="subdued" variant="bodySm">
        {t.help}
      </Text>
      <InlineGrid columns={{ xs: 1, sm: 2 }} gap="200">
        {open.map((line) => {
          const index = chosen.findIndex((c) => c.id === line.id);
          return (
            <TextField
              key={line.id}
              id={`${idPrefix}-${line.id}`}
              label={t.quantityLabel(line.name, line.remainingQuantity)}
              type="number"
              min={0}
              max={line.remainingQuantity}
              autoComplete="off"
              value={String(byLine[line.id] ?? line.remainingQuantity)}
              onChange={(value) => onChange({ ...byLine, [line.id]: Number(value) })}
              error={index >= 0 ? errorFor(`lines.${index}.quantity`) : undefined}
            />
          );
        })}
      </InlineGrid>
      {chosen.map((line, index) => (
        <span key={line.id} hidden>
          <input type="hidden" name={lineFieldName(index, "id")} value={line.id} />
          <input type="hidden" name={lineFieldName(index, "quantity")} value={String(line.quantity)} />
        </span>
      ))}
    </BlockStack>
  );
}
