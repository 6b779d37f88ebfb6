-- CreateTable
CREATE TABLE "ActionRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT,
    "actor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "pickupNotCollectedDays" INTEGER NOT NULL DEFAULT 3,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ActionRequest_shop_createdAt_idx" ON "ActionRequest"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActionRequest_shop_idempotencyKey_key" ON "ActionRequest"("shop", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ShopSettings_shop_key" ON "ShopSettings"("shop");

