-- AlterTable
ALTER TABLE "PickupCancellation" ADD COLUMN "requestUntil" DATETIME;

