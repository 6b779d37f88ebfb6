-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN,
    "locale" TEXT,
    "collaborator" BOOLEAN,
    "emailVerified" BOOLEAN,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT,
    "currencyCode" TEXT,
    "ianaTimezone" TEXT,
    "scopes" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "reconciledThrough" TIMESTAMP(3),
    "backfilledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventId" TEXT,
    "triggeredAt" TIMESTAMP(3),
    "apiVersion" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "error" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "shop" TEXT,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "lastError" TEXT,
    "dedupeKey" TEXT,
    "activeDedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "displayFinancialStatus" TEXT,
    "displayFulfillmentStatus" TEXT,
    "tags" TEXT NOT NULL DEFAULT ',',
    "riskLevel" TEXT,
    "customerShopifyId" TEXT,
    "customerName" TEXT,
    "totalAmount" TEXT,
    "currencyCode" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "lastEditedAt" TIMESTAMP(3),
    "postPurchaseHoldSeenAt" TIMESTAMP(3),
    "upsellDecision" TEXT,
    "upsellDecidedAt" TIMESTAMP(3),
    "checkoutToken" TEXT,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FulfillmentOrder" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requestStatus" TEXT NOT NULL,
    "deliveryMethod" TEXT,
    "locationShopifyId" TEXT,
    "locationName" TEXT,
    "destinationCountryCode" TEXT,
    "destinationProvinceCode" TEXT,
    "thirdParty" BOOLEAN NOT NULL DEFAULT false,
    "supportedActions" JSONB NOT NULL DEFAULT '[]',
    "holds" JSONB NOT NULL DEFAULT '[]',
    "lineItems" JSONB NOT NULL DEFAULT '[]',
    "totalQuantity" INTEGER NOT NULL DEFAULT 0,
    "remainingQuantity" INTEGER NOT NULL DEFAULT 0,
    "fulfillAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "rejectionMessage" TEXT,
    "preparedForPickupAt" TIMESTAMP(3),
    "parentShopifyId" TEXT,
    "lineageReason" TEXT,
    "rootShopifyId" TEXT,
    "orderName" TEXT NOT NULL DEFAULT '',
    "orderFinancialStatus" TEXT,
    "orderTags" TEXT NOT NULL DEFAULT ',',
    "customerSearch" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FulfillmentOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FulfillmentOrderEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "source" TEXT NOT NULL,
    "actor" TEXT,
    "detail" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FulfillmentOrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconcileRun" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "since" TIMESTAMP(3),
    "through" TIMESTAMP(3),
    "ordersSeen" INTEGER NOT NULL DEFAULT 0,
    "objectsSeen" INTEGER NOT NULL DEFAULT 0,
    "alreadyCorrect" INTEGER NOT NULL DEFAULT 0,
    "repaired" INTEGER NOT NULL DEFAULT 0,
    "deferred" INTEGER NOT NULL DEFAULT 0,
    "unaccounted" INTEGER NOT NULL DEFAULT 0,
    "apiCalls" INTEGER NOT NULL DEFAULT 0,
    "throttledRetries" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReconcileRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerDataRequest" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerShopifyId" TEXT,
    "email" TEXT,
    "ordersRequested" JSONB NOT NULL DEFAULT '[]',
    "report" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerDataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionRequest" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT,
    "actor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "pickupNotCollectedDays" INTEGER NOT NULL DEFAULT 3,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaleOrderPolicy" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "olderThanHours" INTEGER NOT NULL DEFAULT 72,
    "includePending" BOOLEAN NOT NULL DEFAULT true,
    "includeExpiredAuthorizations" BOOLEAN NOT NULL DEFAULT true,
    "includePartiallyPaid" BOOLEAN NOT NULL DEFAULT false,
    "gateways" JSONB NOT NULL DEFAULT '[]',
    "excludedTags" JSONB NOT NULL DEFAULT '[]',
    "cancelReason" TEXT NOT NULL DEFAULT 'DECLINED',
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "staffNote" TEXT,
    "scheduleEnabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaleOrderPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CancellationRun" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "actor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "selectedOrderIds" JSONB,
    "selected" INTEGER NOT NULL DEFAULT 0,
    "requestKey" TEXT,
    "policy" JSONB NOT NULL,
    "cancelReason" TEXT NOT NULL,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "staffNote" TEXT,
    "total" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "alreadyHandled" INTEGER NOT NULL DEFAULT 0,
    "noLongerEligible" INTEGER NOT NULL DEFAULT 0,
    "failureReason" TEXT,
    "previewedUnits" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CancellationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CancellationRunItem" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "shopifyJobId" TEXT,
    "previewedLines" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CancellationRunItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "actor" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PickupCancellation" (
    "id" TEXT NOT NULL,
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
    "requestUntil" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PickupCancellation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationSettings" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "quietPeriodMinutes" INTEGER,
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "updatedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AutomationSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationRuleSet" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "actor" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AutomationRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationDecision" (
    "id" TEXT NOT NULL,
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
    "inputs" JSONB NOT NULL DEFAULT '{}',
    "mutation" JSONB,
    "response" JSONB,
    "runAt" TIMESTAMP(3),
    "activeSubmissionKey" TEXT,
    "eligibleAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AutomationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpsellOffer" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "productTitle" TEXT NOT NULL,
    "variantTitle" TEXT,
    "imageUrl" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "discountPercent" TEXT NOT NULL,
    "maxDiscountAmount" TEXT,
    "minOrderTotal" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpsellOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpsellPresentation" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "referenceId" TEXT NOT NULL,
    "orderId" TEXT,
    "variantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "originalPrice" TEXT NOT NULL,
    "discountedPrice" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "discountValueType" TEXT,
    "discountValue" TEXT,
    "discountTitle" TEXT,
    "shownAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" TEXT,
    "decidedAt" TIMESTAMP(3),
    "changesetJti" TEXT,
    "changesetSignedAt" TIMESTAMP(3),

    CONSTRAINT "UpsellPresentation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_shop_key" ON "Shop"("shop");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_receivedAt_idx" ON "WebhookDelivery"("shop", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_receivedAt_idx" ON "WebhookDelivery"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_shop_webhookId_key" ON "WebhookDelivery"("shop", "webhookId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_shop_topic_eventId_key" ON "WebhookDelivery"("shop", "topic", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Job_activeDedupeKey_key" ON "Job"("activeDedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_shop_status_idx" ON "Job"("shop", "status");

-- CreateIndex
CREATE INDEX "Job_dedupeKey_status_idx" ON "Job"("dedupeKey", "status");

-- CreateIndex
CREATE INDEX "Order_shop_placedAt_idx" ON "Order"("shop", "placedAt");

-- CreateIndex
CREATE INDEX "Order_shop_customerShopifyId_idx" ON "Order"("shop", "customerShopifyId");

-- CreateIndex
CREATE INDEX "Order_shop_displayFinancialStatus_idx" ON "Order"("shop", "displayFinancialStatus");

-- CreateIndex
CREATE INDEX "Order_shop_postPurchaseHoldSeenAt_idx" ON "Order"("shop", "postPurchaseHoldSeenAt");

-- CreateIndex
CREATE INDEX "Order_shop_checkoutToken_idx" ON "Order"("shop", "checkoutToken");

-- CreateIndex
CREATE UNIQUE INDEX "Order_shop_shopifyId_key" ON "Order"("shop", "shopifyId");

-- CreateIndex
CREATE INDEX "FulfillmentOrder_queue_idx" ON "FulfillmentOrder"("shop", "status", "requestStatus", "openedAt", "deliveryMethod", "thirdParty", "locationShopifyId", "orderFinancialStatus", "orderTags", "customerSearch");

-- CreateIndex
CREATE INDEX "FulfillmentOrder_age_idx" ON "FulfillmentOrder"("shop", "openedAt", "status", "requestStatus", "deliveryMethod", "thirdParty");

-- CreateIndex
CREATE INDEX "FulfillmentOrder_orderId_idx" ON "FulfillmentOrder"("orderId");

-- CreateIndex
CREATE INDEX "FulfillmentOrder_shop_orderShopifyId_idx" ON "FulfillmentOrder"("shop", "orderShopifyId");

-- CreateIndex
CREATE INDEX "FulfillmentOrder_shop_locationShopifyId_idx" ON "FulfillmentOrder"("shop", "locationShopifyId");

-- CreateIndex
CREATE INDEX "FulfillmentOrder_shop_deliveryMethod_idx" ON "FulfillmentOrder"("shop", "deliveryMethod");

-- CreateIndex
CREATE INDEX "FulfillmentOrder_shop_orderName_idx" ON "FulfillmentOrder"("shop", "orderName");

-- CreateIndex
CREATE UNIQUE INDEX "FulfillmentOrder_shop_shopifyId_key" ON "FulfillmentOrder"("shop", "shopifyId");

-- CreateIndex
CREATE INDEX "FulfillmentOrderEvent_shop_fulfillmentOrderId_at_idx" ON "FulfillmentOrderEvent"("shop", "fulfillmentOrderId", "at");

-- CreateIndex
CREATE INDEX "ReconcileRun_shop_startedAt_idx" ON "ReconcileRun"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "CustomerDataRequest_shop_createdAt_idx" ON "CustomerDataRequest"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "ActionRequest_shop_createdAt_idx" ON "ActionRequest"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ActionRequest_shop_idempotencyKey_key" ON "ActionRequest"("shop", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ShopSettings_shop_key" ON "ShopSettings"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "StaleOrderPolicy_shop_key" ON "StaleOrderPolicy"("shop");

-- CreateIndex
CREATE INDEX "CancellationRun_shop_createdAt_idx" ON "CancellationRun"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CancellationRun_shop_requestKey_key" ON "CancellationRun"("shop", "requestKey");

-- CreateIndex
CREATE INDEX "CancellationRunItem_shop_orderShopifyId_status_idx" ON "CancellationRunItem"("shop", "orderShopifyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CancellationRunItem_runId_orderShopifyId_key" ON "CancellationRunItem"("runId", "orderShopifyId");

-- CreateIndex
CREATE INDEX "AuditEvent_shop_at_idx" ON "AuditEvent"("shop", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PickupCancellation_activeOrderKey_key" ON "PickupCancellation"("activeOrderKey");

-- CreateIndex
CREATE INDEX "PickupCancellation_shop_fulfillmentOrderId_createdAt_idx" ON "PickupCancellation"("shop", "fulfillmentOrderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PickupCancellation_shop_idempotencyKey_key" ON "PickupCancellation"("shop", "idempotencyKey");

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
CREATE INDEX "UpsellOffer_shop_position_idx" ON "UpsellOffer"("shop", "position");

-- CreateIndex
CREATE UNIQUE INDEX "UpsellPresentation_changesetJti_key" ON "UpsellPresentation"("changesetJti");

-- CreateIndex
CREATE INDEX "UpsellPresentation_shop_offerId_idx" ON "UpsellPresentation"("shop", "offerId");

-- CreateIndex
CREATE INDEX "UpsellPresentation_shop_orderId_idx" ON "UpsellPresentation"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "UpsellPresentation_shop_referenceId_key" ON "UpsellPresentation"("shop", "referenceId");

-- AddForeignKey
ALTER TABLE "FulfillmentOrder" ADD CONSTRAINT "FulfillmentOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FulfillmentOrderEvent" ADD CONSTRAINT "FulfillmentOrderEvent_fulfillmentOrderId_fkey" FOREIGN KEY ("fulfillmentOrderId") REFERENCES "FulfillmentOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CancellationRunItem" ADD CONSTRAINT "CancellationRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "CancellationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

