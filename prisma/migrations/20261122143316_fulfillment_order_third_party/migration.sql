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
    "thirdParty" BOOLEAN NOT NULL DEFAULT false,
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
INSERT INTO "new_FulfillmentOrder" ("createdAt", "customerSearch", "deliveryMethod", "fulfillAt", "holds", "id", "lineItems", "lineageReason", "locationName", "locationShopifyId", "openedAt", "orderFinancialStatus", "orderId", "orderName", "orderShopifyId", "orderTags", "parentShopifyId", "preparedForPickupAt", "remainingQuantity", "requestStatus", "rootShopifyId", "shop", "shopifyId", "shopifyUpdatedAt", "status", "supportedActions", "totalQuantity", "updatedAt") SELECT "createdAt", "customerSearch", "deliveryMethod", "fulfillAt", "holds", "id", "lineItems", "lineageReason", "locationName", "locationShopifyId", "openedAt", "orderFinancialStatus", "orderId", "orderName", "orderShopifyId", "orderTags", "parentShopifyId", "preparedForPickupAt", "remainingQuantity", "requestStatus", "rootShopifyId", "shop", "shopifyId", "shopifyUpdatedAt", "status", "supportedActions", "totalQuantity", "updatedAt" FROM "FulfillmentOrder";
DROP TABLE "FulfillmentOrder";
ALTER TABLE "new_FulfillmentOrder" RENAME TO "FulfillmentOrder";
CREATE INDEX "FulfillmentOrder_queue_idx" ON "FulfillmentOrder"("shop", "status", "requestStatus", "openedAt", "deliveryMethod", "thirdParty", "locationShopifyId", "orderFinancialStatus", "orderTags", "customerSearch");
CREATE INDEX "FulfillmentOrder_age_idx" ON "FulfillmentOrder"("shop", "openedAt", "status", "requestStatus", "deliveryMethod", "thirdParty");
CREATE INDEX "FulfillmentOrder_orderId_idx" ON "FulfillmentOrder"("orderId");
CREATE INDEX "FulfillmentOrder_shop_orderShopifyId_idx" ON "FulfillmentOrder"("shop", "orderShopifyId");
CREATE INDEX "FulfillmentOrder_shop_locationShopifyId_idx" ON "FulfillmentOrder"("shop", "locationShopifyId");
CREATE INDEX "FulfillmentOrder_shop_deliveryMethod_idx" ON "FulfillmentOrder"("shop", "deliveryMethod");
CREATE INDEX "FulfillmentOrder_shop_orderName_idx" ON "FulfillmentOrder"("shop", "orderName");
CREATE UNIQUE INDEX "FulfillmentOrder_shop_shopifyId_key" ON "FulfillmentOrder"("shop", "shopifyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill from what Shopify allowed at the last sync, the rule the app used until now: a 3PL FO
-- offers REQUEST_FULFILLMENT and never CREATE_FULFILLMENT, and only 3PL FOs are ever submitted.
-- The next sync of each order writes Location.isFulfillmentService itself.
UPDATE "FulfillmentOrder" SET "thirdParty" = CASE
    WHEN "supportedActions" LIKE '%"CREATE_FULFILLMENT"%' THEN false
    WHEN "supportedActions" LIKE '%"REQUEST_FULFILLMENT"%' OR "requestStatus" <> 'UNSUBMITTED' THEN true
    ELSE false
END;
