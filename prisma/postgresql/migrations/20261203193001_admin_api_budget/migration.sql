-- CreateTable
CREATE TABLE "AdminApiBudget" (
    "shop" TEXT NOT NULL,
    "available" DOUBLE PRECISION NOT NULL,
    "maximum" DOUBLE PRECISION NOT NULL,
    "restoreRate" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdminApiBudget_pkey" PRIMARY KEY ("shop")
);

