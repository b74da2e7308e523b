-- CreateEnum
CREATE TYPE "PurchaseOrderStatus" AS ENUM ('DRAFT', 'SENT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED');

-- AlterTable
ALTER TABLE "reorder_rules" ADD COLUMN     "multiple" INTEGER,
ADD COLUMN     "order_up_to" INTEGER;

-- CreateTable
CREATE TABLE "suppliers" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contact_name" TEXT,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "currency" CHAR(3) NOT NULL,
    "lead_time_days" INTEGER NOT NULL,
    "payment_terms" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suppliers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplier_prices" (
    "supplier_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "supplier_sku" TEXT,
    "unit_cost" DECIMAL(18,6) NOT NULL,
    "min_order_qty" INTEGER NOT NULL DEFAULT 1,
    "pack_size" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "supplier_prices_pkey" PRIMARY KEY ("supplier_id","product_id")
);

-- CreateTable
CREATE TABLE "purchase_orders" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "supplier_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "status" "PurchaseOrderStatus" NOT NULL DEFAULT 'DRAFT',
    "currency" CHAR(3) NOT NULL,
    "expected_at" TIMESTAMPTZ(3),
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "purchase_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "purchase_order_lines" (
    "id" UUID NOT NULL,
    "po_id" UUID NOT NULL,
    "line_no" INTEGER NOT NULL,
    "product_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_cost" DECIMAL(18,6) NOT NULL,
    "expected_at" TIMESTAMPTZ(3),
    "received" INTEGER NOT NULL DEFAULT 0,
    "damaged" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "purchase_order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "suppliers_code_key" ON "suppliers"("code");

-- CreateIndex
CREATE INDEX "supplier_prices_product_id_idx" ON "supplier_prices"("product_id");

-- CreateIndex
CREATE UNIQUE INDEX "purchase_orders_number_key" ON "purchase_orders"("number");

-- CreateIndex
CREATE INDEX "purchase_orders_status_created_at_idx" ON "purchase_orders"("status", "created_at");

-- CreateIndex
CREATE INDEX "purchase_orders_supplier_id_idx" ON "purchase_orders"("supplier_id");

-- CreateIndex
CREATE INDEX "purchase_order_lines_product_id_idx" ON "purchase_order_lines"("product_id");

-- CreateIndex
CREATE UNIQUE INDEX "purchase_order_lines_po_id_line_no_key" ON "purchase_order_lines"("po_id", "line_no");

-- AddForeignKey
ALTER TABLE "supplier_prices" ADD CONSTRAINT "supplier_prices_supplier_id_fkey" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_supplier_id_fkey" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_po_id_fkey" FOREIGN KEY ("po_id") REFERENCES "purchase_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- ---------------------------------------------------------------------------
-- Hand-written guards of purchasing.
-- ---------------------------------------------------------------------------
ALTER TABLE "suppliers" ADD CONSTRAINT suppliers_values CHECK (lead_time_days >= 0 AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND currency ~ '^[A-Z]{3}$');
ALTER TABLE "supplier_prices" ADD CONSTRAINT supplier_prices_values CHECK (unit_cost >= 0 AND min_order_qty >= 1 AND pack_size >= 1);
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT po_lines_values CHECK (quantity > 0 AND unit_cost >= 0 AND received >= 0 AND damaged >= 0);
ALTER TABLE "reorder_rules" ADD CONSTRAINT reorder_rules_more CHECK ((order_up_to IS NULL OR order_up_to >= reorder_point) AND (multiple IS NULL OR multiple > 0));

-- Low-stock crossings now count what is on order: available + incoming (open purchase order
-- lines of the warehouse not yet received). Receipts change balances (covered); sending,
-- cancelling or closing a purchase order changes incoming, so its lines re-evaluate too.
CREATE OR REPLACE FUNCTION qm_low_stock_evaluate(p uuid, w uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  point integer;
  avail integer;
  incoming integer;
  was_below boolean;
  new_alert bigint;
  queued integer;
BEGIN
  SELECT reorder_point INTO point FROM reorder_rules WHERE product_id = p AND warehouse_id = w;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO low_stock_states (product_id, warehouse_id, below, changed_at) VALUES (p, w, false, now()) ON CONFLICT DO NOTHING;
  SELECT below INTO was_below FROM low_stock_states WHERE product_id = p AND warehouse_id = w FOR UPDATE;
  SELECT coalesce(sum(on_hand - reserved), 0) INTO avail FROM stock_balances WHERE product_id = p AND warehouse_id = w AND internal;
  SELECT coalesce(sum(greatest(l.quantity - l.received - l.damaged, 0)), 0) INTO incoming
    FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.po_id
    WHERE l.product_id = p AND o.warehouse_id = w AND o.status IN ('SENT', 'PARTIALLY_RECEIVED');
  avail := avail + incoming;
  IF avail < point AND NOT was_below THEN
    UPDATE low_stock_states SET below = true, changed_at = now() WHERE product_id = p AND warehouse_id = w;
    INSERT INTO alerts (kind, product_id, warehouse_id, available, reorder_point, created_at)
      VALUES ('low_stock', p, w, avail, point, now()) RETURNING id INTO new_alert;
    INSERT INTO outbox_emails (kind, user_id, to_email, payload, dedupe_key, status, attempts, next_attempt_at, created_at)
      SELECT 'low_stock', u.id, u.email, jsonb_build_object('alertId', new_alert), 'low_stock:' || new_alert || ':' || u.id, 'PENDING', 0, now(), now()
      FROM alert_subscriptions s JOIN users u ON u.id = s.user_id
      WHERE s.warehouse_id = w AND s.mode = 'IMMEDIATE' AND u.active;
    GET DIAGNOSTICS queued = ROW_COUNT;
    IF queued > 0 AND EXISTS (SELECT 1 FROM pg_proc pr JOIN pg_namespace n ON n.oid = pr.pronamespace WHERE n.nspname = 'graphile_worker' AND pr.proname = 'add_job') THEN
      EXECUTE 'SELECT graphile_worker.add_job($1, $2::json, job_key := $3)' USING 'deliver_outbox', '{}', 'deliver_outbox';
    END IF;
  ELSIF avail >= point AND was_below THEN
    UPDATE low_stock_states SET below = false, changed_at = now() WHERE product_id = p AND warehouse_id = w;
  END IF;
END $$;

CREATE FUNCTION qm_low_stock_po_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qm_low_stock_evaluate(l.product_id, NEW.warehouse_id) FROM purchase_order_lines l WHERE l.po_id = NEW.id;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER purchase_orders_low_stock AFTER UPDATE OF status ON "purchase_orders"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION qm_low_stock_po_changed();
