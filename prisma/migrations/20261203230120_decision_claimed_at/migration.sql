-- AlterTable
ALTER TABLE "AutomationDecision" ADD COLUMN "claimedAt" DATETIME;

