-- AlterTable
ALTER TABLE "UpsellPresentation" ADD COLUMN "discountTitle" TEXT;
ALTER TABLE "UpsellPresentation" ADD COLUMN "discountValue" TEXT;
ALTER TABLE "UpsellPresentation" ADD COLUMN "discountValueType" TEXT;

