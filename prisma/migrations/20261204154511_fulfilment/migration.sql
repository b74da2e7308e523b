-- CreateEnum
CREATE TYPE "WaveStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PackageStatus" AS ENUM ('OPEN', 'PACKED', 'SHIPPED');

-- AlterEnum
ALTER TYPE "LocationKind" ADD VALUE 'PACK';

-- CreateTable
CREATE TABLE "pick_waves" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "status" "WaveStatus" NOT NULL DEFAULT 'OPEN',
    "criteria" JSONB NOT NULL,
    "route_length" DOUBLE PRECISION NOT NULL,
    "naive_length" DOUBLE PRECISION NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "pick_waves_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pick_tasks" (
    "id" UUID NOT NULL,
    "wave_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "order_id" UUID NOT NULL,
    "line_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "picked" INTEGER NOT NULL DEFAULT 0,
    "short" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pick_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_records" (
    "id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scan_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "packages" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "order_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "status" "PackageStatus" NOT NULL DEFAULT 'OPEN',
    "box_type" TEXT NOT NULL,
    "weight_grams" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "packed_at" TIMESTAMPTZ(3),

    CONSTRAINT "packages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "package_items" (
    "package_id" UUID NOT NULL,
    "line_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "package_items_pkey" PRIMARY KEY ("package_id","line_id","product_id")
);

-- CreateTable
CREATE TABLE "shipments" (
    "id" UUID NOT NULL,
    "package_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "cost" BIGINT NOT NULL,
    "shipped_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "pick_waves_number_key" ON "pick_waves"("number");

-- CreateIndex
CREATE INDEX "pick_waves_status_created_at_idx" ON "pick_waves"("status", "created_at");

-- CreateIndex
CREATE INDEX "pick_tasks_wave_id_seq_idx" ON "pick_tasks"("wave_id", "seq");

-- CreateIndex
CREATE INDEX "pick_tasks_order_id_idx" ON "pick_tasks"("order_id");

-- CreateIndex
CREATE INDEX "pick_tasks_line_id_idx" ON "pick_tasks"("line_id");

-- CreateIndex
CREATE UNIQUE INDEX "packages_number_key" ON "packages"("number");

-- CreateIndex
CREATE INDEX "packages_order_id_idx" ON "packages"("order_id");

-- CreateIndex
CREATE INDEX "packages_warehouse_id_status_idx" ON "packages"("warehouse_id", "status");

-- CreateIndex
CREATE INDEX "package_items_line_id_idx" ON "package_items"("line_id");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_package_id_key" ON "shipments"("package_id");

-- CreateIndex
CREATE INDEX "shipments_order_id_idx" ON "shipments"("order_id");

-- CreateIndex
CREATE INDEX "shipments_shipped_at_idx" ON "shipments"("shipped_at");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_carrier_tracking_number_key" ON "shipments"("carrier", "tracking_number");

-- AddForeignKey
ALTER TABLE "pick_tasks" ADD CONSTRAINT "pick_tasks_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "pick_waves"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "package_items" ADD CONSTRAINT "package_items_package_id_fkey" FOREIGN KEY ("package_id") REFERENCES "packages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_package_id_fkey" FOREIGN KEY ("package_id") REFERENCES "packages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- ---------------------------------------------------------------------------
-- Hand-written guards of fulfilment.
-- ---------------------------------------------------------------------------
ALTER TABLE "pick_tasks" ADD CONSTRAINT pick_tasks_quantities CHECK (quantity >= 0 AND picked >= 0 AND short >= 0 AND picked + short <= quantity);
ALTER TABLE "package_items" ADD CONSTRAINT package_items_quantity CHECK (quantity > 0);
ALTER TABLE "pick_waves" ADD CONSTRAINT pick_waves_lengths CHECK (route_length >= 0 AND naive_length >= 0);
ALTER TABLE "shipments" ADD CONSTRAINT shipments_tracking CHECK (length(btrim(tracking_number)) > 0 AND cost >= 0);
