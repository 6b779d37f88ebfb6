// Line quantities a command acts on. Pure.

export interface CommandLine {
  /** FulfillmentOrderLineItem GID */
  id: string;
  quantity: number;
}

/** Whether chosen lines are "everything" (none chosen, or every open line's remaining quantity). */
export function coversEverything(
  openLines: readonly { id: string; remainingQuantity: number }[],
  lines: readonly CommandLine[],
): boolean {
  if (lines.length === 0) return true;
  return openLines
    .filter((li) => li.remainingQuantity > 0)
    .every((li) => lines.find((l) => l.id === li.id)?.quantity === li.remainingQuantity);
}
