// Relay-style cursor connections as Shopify serves them (first/after, last/before,
// reverse; one of first or last is required; at most 250 per page).
// https://shopify.dev/docs/api/usage/pagination-graphql
import { GraphQLError } from "graphql";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ last_id: id }), "utf8").toString("base64");
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown };
    if (typeof parsed.last_id === "string") return parsed.last_id;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`);
}

export function connection<T extends { id: string }>(all: T[], args: ConnectionArgs): unknown {
  const { first, last, after, before } = args;
  if (first == null && last == null) throw new GraphQLError("you must provide one of first or last");
  if ((first ?? 0) > 250 || (last ?? 0) > 250) throw new GraphQLError("The maximum number of items in a page is 250.");
  let items = args.reverse ? [...all].reverse() : [...all];
  const total = items.length;
  let start = 0;
  let end = total;
  if (after) {
    const id = decodeCursor(after);
    const i = items.findIndex((x) => x.id === id);
    start = i + 1;
  }
  if (before) {
    const id = decodeCursor(before);
    const i = items.findIndex((x) => x.id === id);
    if (i >= 0) end = i;
  }
  items = items.slice(start, end);
  let hasNextPage = end < total;
  let hasPreviousPage = start > 0;
  if (first != null) {
    hasNextPage = hasNextPage || items.length > first;
    items = items.slice(0, first);
  }
  if (last != null) {
    hasPreviousPage = hasPreviousPage || items.length > last;
    items = items.slice(Math.max(0, items.length - last));
  }
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  return {
    edges: items.map((node) => ({ cursor: encodeCursor(node.id), node })),
    nodes: items,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: firstItem ? encodeCursor(firstItem.id) : null,
      endCursor: lastItem ? encodeCursor(lastItem.id) : null,
    },
  };
}
