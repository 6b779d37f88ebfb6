// Compares the *shape* of two JSON values (keys, key order, array element
// shape, primitive kinds) so payload builders can be checked against Shopify's
// sample payloads without caring about values. Used by the tests here and
// usable by the app's tests.

type ShapeDifference = { path: string; problem: string };

type Node = { kinds: Set<string>; keyOrder?: string[] };
/** Path (array indices collapsed to `[]`) -> kinds seen and first key order. */
type KeyTree = Map<string, Node>;

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "bigint") return "number";
  return typeof value;
}

/** Every path in `value`, with all array elements merged into one `[]` element. */
function keyTree(value: unknown, path = "$", tree: KeyTree = new Map()): KeyTree {
  const node = tree.get(path) ?? { kinds: new Set<string>() };
  tree.set(path, node);
  const k = kind(value);
  node.kinds.add(k);
  if (k === "array") for (const item of value as unknown[]) keyTree(item, `${path}[]`, tree);
  if (k === "object") {
    const obj = value as Record<string, unknown>;
    node.keyOrder ??= Object.keys(obj);
    for (const [key, child] of Object.entries(obj)) keyTree(child, `${path}.${key}`, tree);
  }
  return tree;
}

/**
 * Differences between the shape of `actual` and of `expected` (a sample):
 * - every sample path must exist in `actual`, and every `actual` path in the
 *   sample, except below a sample array that is empty or a sample value that
 *   is null (the sample says nothing there);
 * - where both sides have non-null kinds, they must agree (null matches anything,
 *   since samples and sim both use null for "not set");
 * - objects list shared keys in the sample's order.
 */
export function shapeDifferences(expected: unknown, actual: unknown): ShapeDifference[] {
  const e = keyTree(expected);
  const a = keyTree(actual);
  const out: ShapeDifference[] = [];
  const nonNull = (n: Node) => [...n.kinds].filter((k) => k !== "null");
  const unknownBelow = (path: string) => {
    // True if some ancestor in the sample is only null or an array with no elements.
    for (let p = parentOf(path); p; p = parentOf(p)) {
      const node = e.get(p);
      if (!node) continue;
      const kinds = nonNull(node);
      if (kinds.length === 0) return true;
      if (kinds.includes("array") && !e.has(`${p}[]`)) return true;
    }
    return false;
  };
  for (const [path, node] of e) {
    const other = a.get(path);
    if (!other) {
      out.push({ path, problem: "missing" });
      continue;
    }
    const ek = nonNull(node);
    const ak = nonNull(other);
    if (ek.length && ak.length && !ak.every((k) => ek.includes(k))) {
      out.push({ path, problem: `expected ${ek.join("|")}, got ${ak.join("|")}` });
    }
    if (node.keyOrder && other.keyOrder) {
      const common = node.keyOrder.filter((k) => other.keyOrder?.includes(k));
      const actualOrder = other.keyOrder.filter((k) => node.keyOrder?.includes(k));
      if (common.join() !== actualOrder.join())
        out.push({ path, problem: `key order differs: expected ${common.join(",")}` });
    }
  }
  for (const path of a.keys()) {
    if (!e.has(path) && !unknownBelow(path)) out.push({ path, problem: "unexpected key" });
  }
  return out;
}

function parentOf(path: string): string | undefined {
  if (path === "$") return undefined;
  if (path.endsWith("[]")) return path.slice(0, -2);
  const dot = path.lastIndexOf(".");
  return dot > 0 ? path.slice(0, dot) : "$";
}
