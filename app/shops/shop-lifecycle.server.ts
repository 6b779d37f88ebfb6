import { prisma } from "~/db.server";
import { forgetShop } from "~/shopify/session-cache.server";

/**
 * Called from afterAuth (which also runs when a session is renewed): marks the shop installed
 * and active. Returns true for a new install or a reinstall, which need a backfill.
 */
export async function recordInstall(input: { shop: string; scopes: string | null }): Promise<boolean> {
  const existing = await prisma.shop.findUnique({ where: { shop: input.shop }, select: { uninstalledAt: true } });
  await prisma.shop.upsert({
    where: { shop: input.shop },
    create: { shop: input.shop, scopes: input.scopes },
    update: {
      scopes: input.scopes,
      ...(existing?.uninstalledAt ? { uninstalledAt: null, installedAt: new Date(), backfilledAt: null } : {}),
    },
  });
  return !existing || existing.uninstalledAt !== null;
}

async function isShopActive(shop: string): Promise<boolean> {
  const row = await prisma.shop.findUnique({ where: { shop }, select: { uninstalledAt: true } });
  return Boolean(row && !row.uninstalledAt);
}

/**
 * Installed right now: an active Shop row or an offline session (afterAuth writes the session
 * before the row, so either one means the app holds the shop's token).
 */
export async function isShopInstalled(shop: string): Promise<boolean> {
  const [active, sessions] = await Promise.all([
    isShopActive(shop),
    prisma.session.count({ where: { shop, isOnline: false } }),
  ]);
  return active || sessions > 0;
}

export async function listActiveShops(): Promise<string[]> {
  const rows = await prisma.shop.findMany({ where: { uninstalledAt: null }, select: { shop: true } });
  return rows.map((r) => r.shop);
}

/** app/uninstalled: the shop's tokens are gone; delete its sessions and mark it inactive. */
export async function recordUninstall(shop: string, at: Date = new Date()): Promise<void> {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.updateMany({ where: { shop }, data: { uninstalledAt: at } }),
  ]);
  forgetShop(shop);
}

/** app/scopes_update: remember what the merchant granted. */
export async function recordScopes(shop: string, scopes: string[]): Promise<void> {
  const scope = scopes.join(",");
  await prisma.$transaction([
    prisma.shop.updateMany({ where: { shop }, data: { scopes: scope } }),
    prisma.session.updateMany({ where: { shop }, data: { scope } }),
  ]);
  forgetShop(shop);
}
