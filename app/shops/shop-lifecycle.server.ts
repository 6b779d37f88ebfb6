import { prisma } from "~/db.server";

/** Called from afterAuth: marks the shop installed (again) and active. */
export async function recordInstall(input: { shop: string; scopes: string | null }): Promise<void> {
  await prisma.shop.upsert({
    where: { shop: input.shop },
    create: { shop: input.shop, scopes: input.scopes },
    update: { scopes: input.scopes, uninstalledAt: null, installedAt: new Date() },
  });
}

export async function findShop(shop: string) {
  return prisma.shop.findUnique({ where: { shop } });
}
