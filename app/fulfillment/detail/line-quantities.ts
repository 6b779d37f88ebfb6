// The per-line quantities a form sends: nothing when every line is left at its remaining
// quantity (the action then takes everything), otherwise every open line with its choice.
import type { LineItemView } from "./types";

interface LineQuantities {
  byLine: Record<string, number>;
  /** What the hidden fields carry, in order. */
  chosen: { id: string; quantity: number }[];
}

/** Form field names for the i-th chosen line, as actionInputFromFormData reads them. */
export const lineFieldName = (index: number, key: "id" | "quantity") => `lines[${index}].${key}`;

export function chooseQuantities(lines: readonly LineItemView[], byLine: Record<string, number>): LineQuantities {
  const open = lines.filter((line) => line.remainingQuantity > 0);
  const changed = open.some((line) => (byLine[line.id] ?? line.remainingQuantity) !== line.remainingQuantity);
  return {
    byLine,
    chosen: changed ? open.map((line) => ({ id: line.id, quantity: byLine[line.id] ?? line.remainingQuantity })) : [],
  };
}
