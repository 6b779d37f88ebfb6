-- AlterTable
ALTER TABLE "Job" ADD COLUMN "activeDedupeKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Job_activeDedupeKey_key" ON "Job"("activeDedupeKey");

