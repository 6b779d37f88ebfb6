-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AdminApiBudget" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "available" REAL NOT NULL,
    "maximum" REAL NOT NULL,
    "restoreRate" REAL NOT NULL,
    "at" DATETIME NOT NULL,
    "inFlight" JSONB NOT NULL DEFAULT '[]'
);
INSERT INTO "new_AdminApiBudget" ("at", "available", "maximum", "restoreRate", "shop") SELECT "at", "available", "maximum", "restoreRate", "shop" FROM "AdminApiBudget";
DROP TABLE "AdminApiBudget";
ALTER TABLE "new_AdminApiBudget" RENAME TO "AdminApiBudget";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

