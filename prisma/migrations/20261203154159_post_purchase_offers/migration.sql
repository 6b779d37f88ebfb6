-- AlterTable
ALTER TABLE "Order" ADD COLUMN "checkoutToken" TEXT;

-- CreateTable
CREATE TABLE "UpsellOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "productTitle" TEXT NOT NULL,
    "variantTitle" TEXT,
    "imageUrl" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "discountPercent" TEXT NOT NULL,
    "maxDiscountAmount" TEXT,
    "minOrderTotal" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UpsellPresentation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "referenceId" TEXT NOT NULL,
    "orderId" TEXT,
    "variantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "originalPrice" TEXT NOT NULL,
    "discountedPrice" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "shownAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" TEXT,
    "decidedAt" DATETIME,
    "changesetJti" TEXT,
    "changesetSignedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "UpsellOffer_shop_position_idx" ON "UpsellOffer"("shop", "position");

-- CreateIndex
CREATE UNIQUE INDEX "UpsellPresentation_changesetJti_key" ON "UpsellPresentation"("changesetJti");

-- CreateIndex
CREATE INDEX "UpsellPresentation_shop_offerId_idx" ON "UpsellPresentation"("shop", "offerId");

-- CreateIndex
CREATE INDEX "UpsellPresentation_shop_orderId_idx" ON "UpsellPresentation"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "UpsellPresentation_shop_referenceId_key" ON "UpsellPresentation"("shop", "referenceId");

-- CreateIndex
CREATE INDEX "Order_shop_checkoutToken_idx" ON "Order"("shop", "checkoutToken");

