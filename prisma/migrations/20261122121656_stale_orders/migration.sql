-- CreateTable
CREATE TABLE "StaleOrderPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "olderThanHours" INTEGER NOT NULL DEFAULT 72,
    "includePending" BOOLEAN NOT NULL DEFAULT true,
    "includeExpiredAuthorizations" BOOLEAN NOT NULL DEFAULT true,
    "includePartiallyPaid" BOOLEAN NOT NULL DEFAULT false,
    "gateways" TEXT NOT NULL DEFAULT '[]',
    "excludedTags" TEXT NOT NULL DEFAULT '[]',
    "cancelReason" TEXT NOT NULL DEFAULT 'DECLINED',
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "staffNote" TEXT,
    "scheduleEnabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CancellationRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "actor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "policy" TEXT NOT NULL,
    "cancelReason" TEXT NOT NULL,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "staffNote" TEXT,
    "total" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "previewedUnits" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CancellationRunItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderShopifyId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "shopifyJobId" TEXT,
    "previewedLines" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CancellationRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "CancellationRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "actor" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "StaleOrderPolicy_shop_key" ON "StaleOrderPolicy"("shop");

-- CreateIndex
CREATE INDEX "CancellationRun_shop_createdAt_idx" ON "CancellationRun"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "CancellationRunItem_shop_orderShopifyId_status_idx" ON "CancellationRunItem"("shop", "orderShopifyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CancellationRunItem_runId_orderShopifyId_key" ON "CancellationRunItem"("runId", "orderShopifyId");

-- CreateIndex
CREATE INDEX "AuditEvent_shop_at_idx" ON "AuditEvent"("shop", "at");

