// Shopify's REST-style webhook payloads carry integer ids above 2^53 (e.g. orders/edited's
// `order_id: 820982911946154508`), which JSON.parse silently rounds. This parser turns every
// integer literal too large to be exact into a string before parsing, so ids survive.
// (Prefer the `admin_graphql_api_id` GIDs wherever a payload has them.)

const DIGIT = /[0-9]/;

export function parseJsonLossless(raw: string): unknown {
  let out = "";
  let i = 0;
  let inString = false;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (inString) {
      out += ch;
      if (ch === "\\") {
        out += raw[i + 1] ?? "";
        i += 2;
        continue;
      }
      if (ch === '"') inString = false;
      i += 1;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      i += 1;
      continue;
    }
    if (ch === "-" || DIGIT.test(ch)) {
      let j = i + 1;
      while (j < raw.length && /[0-9.eE+-]/.test(raw[j]!)) j += 1;
      const literal = raw.slice(i, j);
      const isInteger = /^-?[0-9]+$/.test(literal);
      out += isInteger && !Number.isSafeInteger(Number(literal)) ? `"${literal}"` : literal;
      i = j;
      continue;
    }
    out += ch;
    i += 1;
  }
  return JSON.parse(out);
}
