-- CreateIndex
CREATE INDEX "AutomationDecision_shop_status_claimedAt_idx" ON "AutomationDecision"("shop", "status", "claimedAt");

