// Shopify global IDs (GIDs) such as gid://shopify/Order/1001.

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/;

export function gid(type: string, n: number): string {
  return `gid://shopify/${type}/${n}`;
}

export function gidType(id: string): string | null {
  return GID.exec(id)?.[1] ?? null;
}

export function gidNumber(id: string): number | null {
  const m = GID.exec(id);
  return m?.[2] ? Number(m[2]) : null;
}

/** Shopify's DateTime scalar: ISO-8601 in UTC without milliseconds. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
