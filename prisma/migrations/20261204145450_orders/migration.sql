-- CreateEnum
CREATE TYPE "ChannelType" AS ENUM ('WEBSHOP', 'MARKETPLACE', 'SOCIAL', 'INSTORE', 'MANUAL');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'CONFIRMED', 'ALLOCATED', 'PARTIALLY_ALLOCATED', 'BACKORDERED', 'ON_HOLD', 'PICKING', 'PACKED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PAID', 'UNPAID', 'REFUNDED');

-- CreateTable
CREATE TABLE "channels" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ChannelType" NOT NULL,
    "platform" TEXT,
    "currency" CHAR(3) NOT NULL,
    "allow_split" BOOLEAN NOT NULL DEFAULT true,
    "tax_rate" DECIMAL(7,6) NOT NULL DEFAULT 0,
    "prices_include_tax" BOOLEAN NOT NULL DEFAULT false,
    "webhook_secret_enc" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_warehouses" (
    "channel_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "priority" INTEGER NOT NULL,

    CONSTRAINT "channel_warehouses_pkey" PRIMARY KEY ("channel_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_addresses" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "line1" TEXT NOT NULL,
    "line2" TEXT,
    "city" TEXT NOT NULL,
    "postal_code" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "channel_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "status" "OrderStatus" NOT NULL,
    "held_from" "OrderStatus",
    "hold_reason" TEXT,
    "payment_status" "PaymentStatus" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "customer_id" UUID NOT NULL,
    "ship_name" TEXT NOT NULL,
    "ship_line1" TEXT NOT NULL,
    "ship_line2" TEXT,
    "ship_city" TEXT NOT NULL,
    "ship_postal_code" TEXT NOT NULL,
    "ship_country" CHAR(2) NOT NULL,
    "subtotal" BIGINT NOT NULL,
    "shipping_price" BIGINT NOT NULL,
    "tax" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,
    "tax_rate" DECIMAL(7,6) NOT NULL,
    "prices_include_tax" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "placed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "line_no" INTEGER NOT NULL,
    "product_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" BIGINT NOT NULL,
    "line_total" BIGINT NOT NULL,
    "tax" BIGINT NOT NULL,
    "allocated" INTEGER NOT NULL DEFAULT 0,
    "backordered" INTEGER NOT NULL DEFAULT 0,
    "shipped" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "line_allocations" (
    "line_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "line_allocations_pkey" PRIMARY KEY ("line_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "allocation_decisions" (
    "id" BIGSERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "line_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rule" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "actor_label" TEXT NOT NULL,

    CONSTRAINT "allocation_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_events" (
    "id" BIGSERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_label" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "from_status" "OrderStatus",
    "to_status" "OrderStatus",
    "message" TEXT NOT NULL,

    CONSTRAINT "order_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "channel_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "order_id" UUID,

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("channel_id","event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "channels_code_key" ON "channels"("code");

-- CreateIndex
CREATE UNIQUE INDEX "channel_warehouses_channel_id_priority_key" ON "channel_warehouses"("channel_id", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "customers_email_key" ON "customers"("email");

-- CreateIndex
CREATE UNIQUE INDEX "customer_addresses_customer_id_fingerprint_key" ON "customer_addresses"("customer_id", "fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "orders_number_key" ON "orders"("number");

-- CreateIndex
CREATE INDEX "orders_status_created_at_idx" ON "orders"("status", "created_at");

-- CreateIndex
CREATE INDEX "orders_created_at_idx" ON "orders"("created_at");

-- CreateIndex
CREATE INDEX "orders_updated_at_idx" ON "orders"("updated_at");

-- CreateIndex
CREATE INDEX "orders_customer_id_idx" ON "orders"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "orders_channel_id_external_id_key" ON "orders"("channel_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "orders_channel_id_idempotency_key_key" ON "orders"("channel_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "order_lines_product_id_backordered_idx" ON "order_lines"("product_id", "backordered");

-- CreateIndex
CREATE UNIQUE INDEX "order_lines_order_id_line_no_key" ON "order_lines"("order_id", "line_no");

-- CreateIndex
CREATE INDEX "line_allocations_warehouse_id_idx" ON "line_allocations"("warehouse_id");

-- CreateIndex
CREATE INDEX "allocation_decisions_order_id_at_idx" ON "allocation_decisions"("order_id", "at");

-- CreateIndex
CREATE INDEX "order_events_order_id_at_idx" ON "order_events"("order_id", "at");

-- AddForeignKey
ALTER TABLE "channel_warehouses" ADD CONSTRAINT "channel_warehouses_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_addresses" ADD CONSTRAINT "customer_addresses_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "line_allocations" ADD CONSTRAINT "line_allocations_line_id_fkey" FOREIGN KEY ("line_id") REFERENCES "order_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocation_decisions" ADD CONSTRAINT "allocation_decisions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- ---------------------------------------------------------------------------
-- Hand-written guards of orders.
-- ---------------------------------------------------------------------------
ALTER TABLE "order_lines" ADD CONSTRAINT order_lines_quantities CHECK (
  quantity > 0 AND allocated >= 0 AND backordered >= 0 AND shipped >= 0 AND cancelled >= 0 AND returned >= 0
  AND returned <= shipped
  AND allocated + backordered + shipped + cancelled = quantity
);
ALTER TABLE "order_lines" ADD CONSTRAINT order_lines_money CHECK (unit_price >= 0 AND line_total >= 0 AND tax >= 0);
ALTER TABLE "orders" ADD CONSTRAINT orders_money CHECK (subtotal >= 0 AND shipping_price >= 0 AND tax >= 0 AND total >= 0);
ALTER TABLE "orders" ADD CONSTRAINT orders_currency_iso CHECK (currency ~ '^[A-Z]{3}$');
ALTER TABLE "channels" ADD CONSTRAINT channels_tax_rate CHECK (tax_rate >= 0 AND tax_rate < 1);
CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON "order_events"
  FOR EACH ROW EXECUTE FUNCTION qm_forbid_change();
CREATE TRIGGER allocation_decisions_append_only BEFORE UPDATE OR DELETE ON "allocation_decisions"
  FOR EACH ROW EXECUTE FUNCTION qm_forbid_change();
ALTER TABLE "line_allocations" ADD CONSTRAINT line_allocations_positive CHECK (quantity > 0);
