-- AlterTable
ALTER TABLE "FulfillmentOrder" ADD COLUMN "destinationCountryCode" TEXT;
ALTER TABLE "FulfillmentOrder" ADD COLUMN "destinationProvinceCode" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "lastEditedAt" DATETIME;
ALTER TABLE "Order" ADD COLUMN "postPurchaseHoldSeenAt" DATETIME;
ALTER TABLE "Order" ADD COLUMN "upsellDecidedAt" DATETIME;
ALTER TABLE "Order" ADD COLUMN "upsellDecision" TEXT;

-- CreateTable
CREATE TABLE "AutomationSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "quietPeriodMinutes" INTEGER,
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "updatedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AutomationRuleSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" TEXT NOT NULL,
    "actor" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AutomationDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "decisionKey" TEXT NOT NULL,
    "fulfillmentOrderShopifyId" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL DEFAULT '',
    "trigger" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "ruleId" TEXT,
    "ruleName" TEXT,
    "ruleVersion" INTEGER,
    "reason" TEXT NOT NULL,
    "inputs" TEXT NOT NULL DEFAULT '{}',
    "mutation" TEXT,
    "response" TEXT,
    "runAt" DATETIME,
    "activeSubmissionKey" TEXT,
    "eligibleAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "AutomationSettings_shop_key" ON "AutomationSettings"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationRuleSet_shop_version_key" ON "AutomationRuleSet"("shop", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationDecision_activeSubmissionKey_key" ON "AutomationDecision"("activeSubmissionKey");

-- CreateIndex
CREATE INDEX "AutomationDecision_shop_createdAt_idx" ON "AutomationDecision"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "AutomationDecision_shop_fulfillmentOrderShopifyId_createdAt_idx" ON "AutomationDecision"("shop", "fulfillmentOrderShopifyId", "createdAt");

-- CreateIndex
CREATE INDEX "AutomationDecision_shop_outcome_createdAt_idx" ON "AutomationDecision"("shop", "outcome", "createdAt");

-- CreateIndex
CREATE INDEX "AutomationDecision_shop_ruleId_createdAt_idx" ON "AutomationDecision"("shop", "ruleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationDecision_shop_decisionKey_key" ON "AutomationDecision"("shop", "decisionKey");

-- CreateIndex
CREATE INDEX "Order_shop_postPurchaseHoldSeenAt_idx" ON "Order"("shop", "postPurchaseHoldSeenAt");

