-- AlterTable
ALTER TABLE "AdminApiBudget" ADD COLUMN     "inFlight" JSONB NOT NULL DEFAULT '[]';

