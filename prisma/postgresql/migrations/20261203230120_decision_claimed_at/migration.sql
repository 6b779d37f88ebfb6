-- AlterTable
ALTER TABLE "AutomationDecision" ADD COLUMN     "claimedAt" TIMESTAMP(3);

