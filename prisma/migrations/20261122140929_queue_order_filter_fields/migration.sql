-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FulfillmentOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requestStatus" TEXT NOT NULL,
    "deliveryMethod" TEXT,
    "locationShopifyId" TEXT,
    "locationName" TEXT,
    "supportedActions" TEXT NOT NULL DEFAULT '[]',
    "holds" TEXT NOT NULL DEFAULT '[]',
    "lineItems" TEXT NOT NULL DEFAULT '[]',
    "totalQuantity" INTEGER NOT NULL DEFAULT 0,
    "remainingQuantity" INTEGER NOT NULL DEFAULT 0,
    "fulfillAt" DATETIME,
    "preparedForPickupAt" DATETIME,
    "parentShopifyId" TEXT,
    "lineageReason" TEXT,
    "rootShopifyId" TEXT,
    "orderName" TEXT NOT NULL DEFAULT '',
    "orderFinancialStatus" TEXT,
    "orderTags" TEXT NOT NULL DEFAULT ',',
    "customerSearch" TEXT,
    "openedAt" DATETIME NOT NULL,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FulfillmentOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FulfillmentOrder" ("createdAt", "deliveryMethod", "fulfillAt", "holds", "id", "lineItems", "lineageReason", "locationName", "locationShopifyId", "openedAt", "orderId", "orderShopifyId", "parentShopifyId", "preparedForPickupAt", "remainingQuantity", "requestStatus", "rootShopifyId", "shop", "shopifyId", "shopifyUpdatedAt", "status", "supportedActions", "totalQuantity", "updatedAt") SELECT "createdAt", "deliveryMethod", "fulfillAt", "holds", "id", "lineItems", "lineageReason", "locationName", "locationShopifyId", "openedAt", "orderId", "orderShopifyId", "parentShopifyId", "preparedForPickupAt", "remainingQuantity", "requestStatus", "rootShopifyId", "shop", "shopifyId", "shopifyUpdatedAt", "status", "supportedActions", "totalQuantity", "updatedAt" FROM "FulfillmentOrder";
DROP TABLE "FulfillmentOrder";
ALTER TABLE "new_FulfillmentOrder" RENAME TO "FulfillmentOrder";
CREATE INDEX "FulfillmentOrder_queue_idx" ON "FulfillmentOrder"("shop", "status", "requestStatus", "openedAt", "deliveryMethod", "supportedActions", "locationShopifyId", "orderFinancialStatus", "orderTags", "customerSearch");
CREATE INDEX "FulfillmentOrder_age_idx" ON "FulfillmentOrder"("shop", "openedAt", "status", "requestStatus", "deliveryMethod", "supportedActions");
CREATE INDEX "FulfillmentOrder_orderId_idx" ON "FulfillmentOrder"("orderId");
CREATE INDEX "FulfillmentOrder_shop_orderShopifyId_idx" ON "FulfillmentOrder"("shop", "orderShopifyId");
CREATE INDEX "FulfillmentOrder_shop_locationShopifyId_idx" ON "FulfillmentOrder"("shop", "locationShopifyId");
CREATE INDEX "FulfillmentOrder_shop_deliveryMethod_idx" ON "FulfillmentOrder"("shop", "deliveryMethod");
CREATE INDEX "FulfillmentOrder_shop_orderName_idx" ON "FulfillmentOrder"("shop", "orderName");
CREATE UNIQUE INDEX "FulfillmentOrder_shop_shopifyId_key" ON "FulfillmentOrder"("shop", "shopifyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill the copies from each FO's order (app/fulfillment/order-filter-fields.ts writes them from
-- now on). SQL LOWER folds ASCII only; a non-ASCII name is folded fully at the order's next sync.
UPDATE "FulfillmentOrder" SET
    "orderName" = (SELECT "name" FROM "Order" WHERE "Order"."id" = "FulfillmentOrder"."orderId"),
    "orderFinancialStatus" = (SELECT "displayFinancialStatus" FROM "Order" WHERE "Order"."id" = "FulfillmentOrder"."orderId"),
    "orderTags" = (SELECT LOWER("tags") FROM "Order" WHERE "Order"."id" = "FulfillmentOrder"."orderId"),
    "customerSearch" = (SELECT LOWER("customerName") FROM "Order" WHERE "Order"."id" = "FulfillmentOrder"."orderId");
