-- CreateIndex
CREATE INDEX "FulfillmentOrder_payment_idx" ON "FulfillmentOrder"("shop", "orderFinancialStatus", "status", "openedAt", "requestStatus", "thirdParty", "deliveryMethod", "locationShopifyId", "orderTags", "customerSearch");

