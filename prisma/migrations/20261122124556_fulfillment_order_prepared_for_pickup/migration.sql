-- AlterTable
ALTER TABLE "FulfillmentOrder" ADD COLUMN "preparedForPickupAt" DATETIME;

