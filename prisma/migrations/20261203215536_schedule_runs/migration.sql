-- CreateTable
CREATE TABLE "ScheduleRun" (
    "name" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,

    PRIMARY KEY ("name", "periodStart")
);

