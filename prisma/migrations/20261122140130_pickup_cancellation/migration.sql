-- CreateTable
CREATE TABLE "PickupCancellation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "locationName" TEXT,
    "itemCount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "refund" BOOLEAN NOT NULL,
    "notifyCustomer" BOOLEAN NOT NULL,
    "staffNote" TEXT,
    "actor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'cancelling',
    "activeOrderKey" TEXT,
    "shopifyJobId" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "PickupCancellation_activeOrderKey_key" ON "PickupCancellation"("activeOrderKey");

-- CreateIndex
CREATE INDEX "PickupCancellation_shop_fulfillmentOrderId_createdAt_idx" ON "PickupCancellation"("shop", "fulfillmentOrderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PickupCancellation_shop_idempotencyKey_key" ON "PickupCancellation"("shop", "idempotencyKey");

