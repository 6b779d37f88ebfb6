// Turns a posted form into the object shape ActionInput (zod) expects. Pure: the UI may build
// field names with the same rules.
//
// Field naming:
// - scalars by name: `intent`, `fulfillmentOrderId`, `expectedUpdatedAt`, `idempotencyKey`,
//   `message`, `reason`, `reasonNotes`, `trackingCompany`, `trackingNumber`, `trackingUrl`,
//   `locationId`, `notifyCustomer`, `notifyMerchant`, `otherCarrier`. Repeated scalars: the last one wins, so a
//   hidden `notifyCustomer=false` followed by a checkbox `notifyCustomer=true` works.
// - line quantities: `lines[0][id]` / `lines[0][quantity]`, or `lines[0].id` / `lines[0].quantity`.
//   The index only orders the lines and groups id with quantity; keep indices contiguous from 0
//   so field errors ("lines.1.quantity") point at the inputs that carry that index.
// - lists: `holdIds[]` repeated (or `holdIds` repeated, or `holdIds[0]`, `holdIds[1]`…).
// - An empty string is "not given" (an untouched tracking URL field must not fail as a URL).
// - `notifyCustomer` / `notifyMerchant` / `otherCarrier`: "true", "on", "1" are true; "false", "off", "0" false.
//   (zod's coerce.boolean would read the string "false" as true.)

const BOOLEAN_FIELDS = new Set(["notifyCustomer", "notifyMerchant", "otherCarrier"]);
const LIST_FIELDS = new Set(["holdIds"]);
const INDEXED = /^(\w+)\[(\d+)\](?:\[(\w+)\]|\.(\w+))?$/;

function toBoolean(value: string): boolean | string {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "on" || v === "1") return true;
  if (v === "false" || v === "off" || v === "0") return false;
  return value;
}

/**
 * Objects without a prototype: a field named `__proto__[0][x]` (read-form.server.ts refuses it
 * first) becomes an own key like any other, never a write to Object.prototype.
 */
const bag = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;

export function actionInputFromFormData(form: FormData): unknown {
  const out = bag();
  const indexed = new Map<string, Map<number, unknown>>();

  for (const [rawName, rawValue] of form.entries()) {
    if (typeof rawValue !== "string") continue;
    const value = rawValue;
    if (rawName.endsWith("[]")) {
      const name = rawName.slice(0, -2);
      const list = Array.isArray(out[name]) ? (out[name] as unknown[]) : [];
      if (value !== "") list.push(value);
      out[name] = list;
      continue;
    }
    const match = INDEXED.exec(rawName);
    if (match) {
      const [, name = "", index = "0", bracketKey, dotKey] = match;
      const key = bracketKey ?? dotKey;
      const byIndex = indexed.get(name) ?? new Map<number, unknown>();
      indexed.set(name, byIndex);
      if (key === undefined) byIndex.set(Number(index), value);
      else {
        const item = (byIndex.get(Number(index)) as Record<string, unknown> | undefined) ?? bag();
        item[key] = value;
        byIndex.set(Number(index), item);
      }
      continue;
    }
    if (LIST_FIELDS.has(rawName)) {
      const list = Array.isArray(out[rawName]) ? (out[rawName] as unknown[]) : [];
      if (value !== "") list.push(value);
      out[rawName] = list;
      continue;
    }
    if (value === "") {
      delete out[rawName];
      continue;
    }
    out[rawName] = BOOLEAN_FIELDS.has(rawName) ? toBoolean(value) : value;
  }

  for (const [name, byIndex] of indexed) {
    const items = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
    out[name] = [...(Array.isArray(out[name]) ? (out[name] as unknown[]) : []), ...items];
  }
  return out;
}
