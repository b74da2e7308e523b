-- CreateEnum
CREATE TYPE "LocationKind" AS ENUM ('ZONE', 'AISLE', 'SHELF', 'BIN', 'SUPPLIER', 'CUSTOMER', 'ADJUSTMENT', 'SCRAP', 'PRODUCTION', 'TRANSIT', 'RETURNS');

-- CreateEnum
CREATE TYPE "MoveType" AS ENUM ('ADJUSTMENT', 'RECEIPT', 'SHIPMENT', 'TRANSFER', 'PICK', 'RETURN', 'SCRAP');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('ACTIVE', 'RELEASED', 'CONSUMED');

-- CreateEnum
CREATE TYPE "ApiKeyKind" AS ENUM ('ADMIN', 'CHANNEL');

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "barcode" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" TEXT,
    "price" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "standard_cost" DECIMAL(18,6),
    "weight_grams" INTEGER,
    "length_mm" INTEGER,
    "width_mm" INTEGER,
    "height_mm" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "is_kit" BOOLEAN NOT NULL DEFAULT false,
    "parent_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kit_components" (
    "kit_id" UUID NOT NULL,
    "component_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "kit_components_pkey" PRIMARY KEY ("kit_id","component_id")
);

-- CreateTable
CREATE TABLE "warehouses" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address_line1" TEXT,
    "city" TEXT,
    "postal_code" TEXT,
    "country" CHAR(2),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warehouses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "locations" (
    "id" UUID NOT NULL,
    "warehouse_id" UUID,
    "parent_id" UUID,
    "kind" "LocationKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "barcode" TEXT,
    "x" INTEGER,
    "y" INTEGER,
    "internal" BOOLEAN NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "locations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_moves" (
    "id" BIGSERIAL NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "from_location_id" UUID NOT NULL,
    "to_location_id" UUID NOT NULL,
    "type" "MoveType" NOT NULL,
    "reason" TEXT,
    "source_type" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "user_id" UUID,
    "actor_label" TEXT NOT NULL,
    "unit_cost" DECIMAL(18,6) NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_moves_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stock_balances" (
    "product_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "warehouse_id" UUID,
    "internal" BOOLEAN NOT NULL,
    "on_hand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "stock_balances_pkey" PRIMARY KEY ("product_id","location_id")
);

-- CreateTable
CREATE TABLE "reservations" (
    "id" UUID NOT NULL,
    "owner_type" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "product_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "ReservationStatus" NOT NULL DEFAULT 'ACTIVE',
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_valuations" (
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "value" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "item_valuations_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "reorder_rules" (
    "product_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "reorder_point" INTEGER NOT NULL,
    "reorder_quantity" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reorder_rules_pkey" PRIMARY KEY ("product_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ApiKeyKind" NOT NULL,
    "channel_code" TEXT,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status" INTEGER,
    "response" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "rate_limit_windows" (
    "bucket" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(0) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_windows_pkey" PRIMARY KEY ("bucket","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "products_sku_key" ON "products"("sku");

-- CreateIndex
CREATE UNIQUE INDEX "products_barcode_key" ON "products"("barcode");

-- CreateIndex
CREATE INDEX "products_name_idx" ON "products"("name");

-- CreateIndex
CREATE INDEX "products_category_idx" ON "products"("category");

-- CreateIndex
CREATE INDEX "products_parent_id_idx" ON "products"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "warehouses_code_key" ON "warehouses"("code");

-- CreateIndex
CREATE UNIQUE INDEX "locations_barcode_key" ON "locations"("barcode");

-- CreateIndex
CREATE INDEX "locations_parent_id_idx" ON "locations"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "locations_warehouse_id_code_key" ON "locations"("warehouse_id", "code");

-- CreateIndex
CREATE INDEX "stock_moves_product_id_created_at_idx" ON "stock_moves"("product_id", "created_at");

-- CreateIndex
CREATE INDEX "stock_moves_from_location_id_created_at_idx" ON "stock_moves"("from_location_id", "created_at");

-- CreateIndex
CREATE INDEX "stock_moves_to_location_id_created_at_idx" ON "stock_moves"("to_location_id", "created_at");

-- CreateIndex
CREATE INDEX "stock_moves_source_type_source_id_idx" ON "stock_moves"("source_type", "source_id");

-- CreateIndex
CREATE INDEX "stock_balances_location_id_idx" ON "stock_balances"("location_id");

-- CreateIndex
CREATE INDEX "stock_balances_warehouse_id_product_id_idx" ON "stock_balances"("warehouse_id", "product_id");

-- CreateIndex
CREATE INDEX "reservations_owner_type_owner_id_idx" ON "reservations"("owner_type", "owner_id");

-- CreateIndex
CREATE INDEX "reservations_product_id_location_id_status_idx" ON "reservations"("product_id", "location_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "products"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kit_components" ADD CONSTRAINT "kit_components_kit_id_fkey" FOREIGN KEY ("kit_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kit_components" ADD CONSTRAINT "kit_components_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "locations" ADD CONSTRAINT "locations_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_moves" ADD CONSTRAINT "stock_moves_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_valuations" ADD CONSTRAINT "item_valuations_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reorder_rules" ADD CONSTRAINT "reorder_rules_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reorder_rules" ADD CONSTRAINT "reorder_rules_warehouse_id_fkey" FOREIGN KEY ("warehouse_id") REFERENCES "warehouses"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written guards of the stock ledger.
-- ---------------------------------------------------------------------------

ALTER TABLE "products" ADD CONSTRAINT products_price_non_negative CHECK (price >= 0);
ALTER TABLE "products" ADD CONSTRAINT products_standard_cost_non_negative CHECK (standard_cost IS NULL OR standard_cost >= 0);
ALTER TABLE "kit_components" ADD CONSTRAINT kit_components_quantity_positive CHECK (quantity > 0 AND kit_id <> component_id);
ALTER TABLE "reorder_rules" ADD CONSTRAINT reorder_rules_values CHECK (reorder_point >= 0 AND (reorder_quantity IS NULL OR reorder_quantity > 0));
ALTER TABLE "reservations" ADD CONSTRAINT reservations_quantity_positive CHECK (quantity > 0);
ALTER TABLE "item_valuations" ADD CONSTRAINT item_valuations_non_negative CHECK (quantity >= 0 AND value >= 0 AND (quantity > 0 OR value = 0));

-- Moves: a positive quantity between two different locations; never changed or deleted.
ALTER TABLE "stock_moves" ADD CONSTRAINT stock_moves_quantity_positive CHECK (quantity > 0);
ALTER TABLE "stock_moves" ADD CONSTRAINT stock_moves_distinct_locations CHECK (from_location_id <> to_location_id);
ALTER TABLE "stock_moves" ADD CONSTRAINT stock_moves_value_non_negative CHECK (value >= 0 AND unit_cost >= 0);
CREATE TRIGGER stock_moves_append_only BEFORE UPDATE OR DELETE ON "stock_moves"
  FOR EACH ROW EXECUTE FUNCTION qm_forbid_change();

-- Balances: on hand never negative at internal locations; 0 <= reserved <= on hand;
-- virtual locations hold no reservations.
ALTER TABLE "stock_balances" ADD CONSTRAINT stock_balances_on_hand_internal CHECK (NOT internal OR on_hand >= 0);
ALTER TABLE "stock_balances" ADD CONSTRAINT stock_balances_reserved_range CHECK (reserved >= 0 AND (reserved <= on_hand OR (NOT internal AND reserved = 0)));
ALTER TABLE "stock_balances" ADD CONSTRAINT stock_balances_virtual_unreserved CHECK (internal OR reserved = 0);

-- The balance projection follows the moves, in the same transaction: each inserted move
-- takes its quantity off the source and adds it to the destination (rows locked in a fixed
-- order — by location id — so two moves between the same pair cannot deadlock).
CREATE FUNCTION qm_apply_stock_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  loc record;
BEGIN
  FOR loc IN
    SELECT l.id, l.internal, l.warehouse_id,
           CASE WHEN l.id = NEW.from_location_id THEN -NEW.quantity ELSE NEW.quantity END AS delta
      FROM locations l
     WHERE l.id IN (NEW.from_location_id, NEW.to_location_id)
     ORDER BY l.id
  LOOP
    -- Update first: INSERT … ON CONFLICT would check the CHECK constraints against the
    -- proposed new row (e.g. -2 at a bin) before it finds the existing one.
    UPDATE stock_balances SET on_hand = on_hand + loc.delta WHERE product_id = NEW.product_id AND location_id = loc.id;
    IF NOT FOUND THEN
      INSERT INTO stock_balances (product_id, location_id, warehouse_id, internal, on_hand, reserved)
      VALUES (NEW.product_id, loc.id, loc.warehouse_id, loc.internal, 0, 0)
      ON CONFLICT (product_id, location_id) DO NOTHING;
      UPDATE stock_balances SET on_hand = on_hand + loc.delta WHERE product_id = NEW.product_id AND location_id = loc.id;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER stock_moves_apply AFTER INSERT ON "stock_moves"
  FOR EACH ROW EXECUTE FUNCTION qm_apply_stock_move();

-- Only a move may change on hand: a direct INSERT/UPDATE of on_hand (trigger depth 1) is
-- refused; the move trigger above runs at depth 2.
CREATE FUNCTION qm_guard_on_hand() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (TG_OP = 'INSERT' AND NEW.on_hand <> 0 OR TG_OP = 'UPDATE' AND NEW.on_hand <> OLD.on_hand) THEN
    RAISE EXCEPTION 'stock on hand changes only through stock moves' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER stock_balances_on_hand_guard BEFORE INSERT OR UPDATE ON "stock_balances"
  FOR EACH ROW EXECUTE FUNCTION qm_guard_on_hand();
CREATE TRIGGER stock_balances_no_delete BEFORE DELETE ON "stock_balances"
  FOR EACH ROW EXECUTE FUNCTION qm_forbid_change();
