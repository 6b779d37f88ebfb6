-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReconcileRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "since" DATETIME,
    "through" DATETIME,
    "ordersSeen" INTEGER NOT NULL DEFAULT 0,
    "objectsSeen" INTEGER NOT NULL DEFAULT 0,
    "alreadyCorrect" INTEGER NOT NULL DEFAULT 0,
    "repaired" INTEGER NOT NULL DEFAULT 0,
    "deferred" INTEGER NOT NULL DEFAULT 0,
    "unaccounted" INTEGER NOT NULL DEFAULT 0,
    "apiCalls" INTEGER NOT NULL DEFAULT 0,
    "throttledRetries" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);
INSERT INTO "new_ReconcileRun" ("alreadyCorrect", "apiCalls", "error", "finishedAt", "id", "objectsSeen", "ordersSeen", "repaired", "shop", "since", "startedAt", "status", "throttledRetries", "through", "trigger", "unaccounted") SELECT "alreadyCorrect", "apiCalls", "error", "finishedAt", "id", "objectsSeen", "ordersSeen", "repaired", "shop", "since", "startedAt", "status", "throttledRetries", "through", "trigger", "unaccounted" FROM "ReconcileRun";
DROP TABLE "ReconcileRun";
ALTER TABLE "new_ReconcileRun" RENAME TO "ReconcileRun";
CREATE INDEX "ReconcileRun_shop_startedAt_idx" ON "ReconcileRun"("shop", "startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

