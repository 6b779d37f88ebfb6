-- DropIndex
DROP INDEX "FulfillmentOrder_shop_locationShopifyId_idx";

-- CreateIndex
CREATE INDEX "FulfillmentOrder_location_idx" ON "FulfillmentOrder"("shop", "locationShopifyId", "status", "requestStatus", "openedAt", "thirdParty", "deliveryMethod", "customerSearch");

