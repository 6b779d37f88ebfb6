-- DropIndex
DROP INDEX "FulfillmentOrder_shop_status_requestStatus_idx";

-- CreateIndex
CREATE INDEX "FulfillmentOrder_queue_idx" ON "FulfillmentOrder"("shop", "status", "requestStatus", "openedAt", "deliveryMethod", "supportedActions");

-- CreateIndex
CREATE INDEX "FulfillmentOrder_orderId_idx" ON "FulfillmentOrder"("orderId");

