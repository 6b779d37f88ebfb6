-- Searched columns store search keys (app/fulfillment/order-filter-fields.ts searchKey): LIKE's
-- wildcards % and _ as their fullwidth forms, so a search matches literally. Written by hand
-- (a data change: migrate diff sees none), the same SQL for SQLite and PostgreSQL.
UPDATE "FulfillmentOrder"
SET "orderTags" = REPLACE(REPLACE("orderTags", '%', '％'), '_', '＿'),
    "customerSearch" = REPLACE(REPLACE("customerSearch", '%', '％'), '_', '＿')
WHERE "orderTags" LIKE '%\%%' ESCAPE '\' OR "orderTags" LIKE '%\_%' ESCAPE '\'
   OR "customerSearch" LIKE '%\%%' ESCAPE '\' OR "customerSearch" LIKE '%\_%' ESCAPE '\';
