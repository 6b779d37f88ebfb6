// A subset of Shopify's search syntax for `query:` arguments: space-separated
// `field:value` terms (AND), comparators `:>`, `:>=`, `:<`, `:<=`, quoted values,
// and `-field:value` negation.
// https://shopify.dev/docs/api/usage/search-syntax
import { GraphQLError } from "graphql";

export interface SearchTerm {
  field: string;
  op: "=" | ">" | ">=" | "<" | "<=";
  value: string;
  negated: boolean;
}

const TERM = /(-)?([a-z_]+):(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|(\S+))/gi;

export function parseSearch(query: string | null | undefined): SearchTerm[] {
  if (!query) return [];
  const terms: SearchTerm[] = [];
  for (const m of query.matchAll(TERM)) {
    const field = m[2];
    if (!field) continue;
    terms.push({
      field: field.toLowerCase(),
      op: (m[3] as SearchTerm["op"] | undefined) ?? "=",
      value: m[4] ?? m[5] ?? m[6] ?? "",
      negated: m[1] === "-",
    });
  }
  return terms;
}

export function compareDates(actual: string | null, term: SearchTerm): boolean {
  if (actual === null) return false;
  const a = Date.parse(actual);
  const b = Date.parse(term.value);
  if (Number.isNaN(b)) throw new GraphQLError(`Invalid date in search query: ${term.value}`);
  switch (term.op) {
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    default:
      return new Date(a).toISOString().slice(0, 10) === new Date(b).toISOString().slice(0, 10);
  }
}

/** Applies terms with a per-field matcher; unknown fields are ignored like Shopify does. */
export function matchesAll(terms: SearchTerm[], match: (t: SearchTerm) => boolean | undefined): boolean {
  return terms.every((t) => {
    const r = match(t);
    if (r === undefined) return true;
    return t.negated ? !r : r;
  });
}
