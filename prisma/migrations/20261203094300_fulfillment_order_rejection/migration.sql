-- AlterTable
ALTER TABLE "FulfillmentOrder" ADD COLUMN "rejectionMessage" TEXT;
ALTER TABLE "FulfillmentOrder" ADD COLUMN "rejectionReason" TEXT;

