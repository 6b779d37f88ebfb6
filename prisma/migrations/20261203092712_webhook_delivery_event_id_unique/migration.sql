-- DropIndex
DROP INDEX "WebhookDelivery_shop_eventId_idx";

-- Redeliveries recorded before this migration under a new webhook id: keep the first of each
-- event, so the unique index can be created (their jobs find no delivery and end at once).
DELETE FROM "WebhookDelivery"
WHERE "eventId" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "WebhookDelivery" AS "first"
    WHERE "first"."shop" = "WebhookDelivery"."shop"
      AND "first"."topic" = "WebhookDelivery"."topic"
      AND "first"."eventId" = "WebhookDelivery"."eventId"
      AND ("first"."receivedAt" < "WebhookDelivery"."receivedAt"
        OR ("first"."receivedAt" = "WebhookDelivery"."receivedAt" AND "first"."id" < "WebhookDelivery"."id"))
  );

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_shop_topic_eventId_key" ON "WebhookDelivery"("shop", "topic", "eventId");
