-- The raw body of each delivery is stored out of line (TOAST, about 15 KB for an order), and lz4
-- compresses it at a fraction of the CPU of the default pglz.
ALTER TABLE "WebhookDelivery" ALTER COLUMN "payload" SET COMPRESSION lz4;
