-- Stock as of a past moment reads every move into and out of a warehouse's bins up to a
-- time. Covering indexes (INCLUDE product and quantity) let PostgreSQL answer from the indexes
-- alone. Same names and leading columns as the indexes Prisma declares (schema.prisma cannot
-- express INCLUDE), so the schema and the migrations stay in step.
DROP INDEX "stock_moves_from_location_id_created_at_idx";
CREATE INDEX "stock_moves_from_location_id_created_at_idx" ON "stock_moves" ("from_location_id", "created_at") INCLUDE ("product_id", "quantity");
DROP INDEX "stock_moves_to_location_id_created_at_idx";
CREATE INDEX "stock_moves_to_location_id_created_at_idx" ON "stock_moves" ("to_location_id", "created_at") INCLUDE ("product_id", "quantity");
