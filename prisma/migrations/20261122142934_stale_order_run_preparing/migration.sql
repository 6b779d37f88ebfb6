-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CancellationRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "actor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "selectedOrderIds" TEXT,
    "selected" INTEGER NOT NULL DEFAULT 0,
    "requestKey" TEXT,
    "policy" TEXT NOT NULL,
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
    "previewedUnits" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);
INSERT INTO "new_CancellationRun" ("actor", "cancelReason", "cancelled", "createdAt", "failed", "finishedAt", "id", "notifyCustomer", "policy", "previewedUnits", "shop", "skipped", "staffNote", "startedAt", "status", "total", "trigger") SELECT "actor", "cancelReason", "cancelled", "createdAt", "failed", "finishedAt", "id", "notifyCustomer", "policy", "previewedUnits", "shop", "skipped", "staffNote", "startedAt", "status", "total", "trigger" FROM "CancellationRun";
DROP TABLE "CancellationRun";
ALTER TABLE "new_CancellationRun" RENAME TO "CancellationRun";
CREATE INDEX "CancellationRun_shop_createdAt_idx" ON "CancellationRun"("shop", "createdAt");
CREATE UNIQUE INDEX "CancellationRun_shop_requestKey_key" ON "CancellationRun"("shop", "requestKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

