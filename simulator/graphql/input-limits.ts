// "Input arguments that accept an array have a maximum size of 250 for all APIs. Requests return
// an error if an input array exceeds 250 items." https://shopify.dev/docs/api/usage/limits#input-limits
// The docs give no error text or code; the simulator answers with its own, before anything runs
// or is charged. Any array counts: a list literal in the document, or one anywhere in a variable.
import { Kind, visit, type DocumentNode, type SourceLocation } from "graphql";

const MAX_INPUT_ARRAY_SIZE = 250;

interface InputLimitError {
  message: string;
  locations?: SourceLocation[];
  extensions: { code: "MAX_INPUT_SIZE_EXCEEDED"; size: number; maxSize: number; variable?: string };
}

const tooBig = (size: number, where: string) =>
  `The input array size of ${size} ${where}is greater than the maximum allowed of ${MAX_INPUT_ARRAY_SIZE}.`;

/** The longest array anywhere in a JSON value (a loop, not a spread: a hostile array may be huge). */
function largestArray(value: unknown): number {
  let largest = 0;
  const pending: unknown[] = [value];
  while (pending.length) {
    const v = pending.pop();
    if (Array.isArray(v)) {
      largest = Math.max(largest, v.length);
      for (const item of v) pending.push(item);
    } else if (v !== null && typeof v === "object") {
      for (const item of Object.values(v)) pending.push(item);
    }
  }
  return largest;
}

export function inputLimitErrors(doc: DocumentNode, variables: Record<string, unknown>): InputLimitError[] {
  const errors: InputLimitError[] = [];
  visit(doc, {
    [Kind.LIST]: (node) => {
      const size = node.values.length;
      if (size <= MAX_INPUT_ARRAY_SIZE) return;
      const start = node.loc?.startToken;
      errors.push({
        message: tooBig(size, ""),
        ...(start ? { locations: [{ line: start.line, column: start.column }] } : {}),
        extensions: { code: "MAX_INPUT_SIZE_EXCEEDED", size, maxSize: MAX_INPUT_ARRAY_SIZE },
      });
    },
  });
  for (const [name, value] of Object.entries(variables)) {
    const size = largestArray(value);
    if (size <= MAX_INPUT_ARRAY_SIZE) continue;
    errors.push({
      message: tooBig(size, `in $${name} `),
      extensions: { code: "MAX_INPUT_SIZE_EXCEEDED", size, maxSize: MAX_INPUT_ARRAY_SIZE, variable: name },
    });
  }
  return errors;
}
