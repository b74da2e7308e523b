-- CreateEnum
CREATE TYPE "AlertMode" AS ENUM ('IMMEDIATE', 'DIGEST');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT');

-- CreateTable
CREATE TABLE "low_stock_states" (
    "product_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "below" BOOLEAN NOT NULL DEFAULT false,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "low_stock_states_pkey" PRIMARY KEY ("product_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "product_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "available" INTEGER NOT NULL,
    "reorder_point" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_subscriptions" (
    "user_id" UUID NOT NULL,
    "warehouse_id" UUID NOT NULL,
    "mode" "AlertMode" NOT NULL,
    "last_digest_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_subscriptions_pkey" PRIMARY KEY ("user_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "outbox_emails" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "user_id" UUID,
    "to_email" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_emails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alerts_created_at_idx" ON "alerts"("created_at");

-- CreateIndex
CREATE INDEX "alerts_warehouse_id_created_at_idx" ON "alerts"("warehouse_id", "created_at");

-- CreateIndex
CREATE INDEX "alert_subscriptions_warehouse_id_idx" ON "alert_subscriptions"("warehouse_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_emails_dedupe_key_key" ON "outbox_emails"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_emails_status_next_attempt_at_idx" ON "outbox_emails"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_emails_created_at_idx" ON "outbox_emails"("created_at");
-- ---------------------------------------------------------------------------
-- Low-stock crossings, detected in the database so that every path that changes stock or a
-- reorder point is covered (adjustments, orders, picks, receipts later). Deferred to commit:
-- the check sees the transaction's final state, once per changed (item, warehouse) row. The
-- state row is locked, so concurrent transactions raise exactly one alert per crossing; the
-- alert and the outbox emails of its immediate subscribers are written in that same transaction.
-- Available = on hand − reserved over the warehouse's internal locations (+ incoming once
-- purchase orders exist).
-- ---------------------------------------------------------------------------
ALTER TABLE "outbox_emails" ADD CONSTRAINT outbox_attempts CHECK (attempts >= 0);
ALTER TABLE "outbox_emails" ADD CONSTRAINT outbox_to_email CHECK (to_email ~ '^[^@\s]+@[^@\s]+$');

CREATE FUNCTION qm_low_stock_evaluate(p uuid, w uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  point integer;
  avail integer;
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
  IF avail < point AND NOT was_below THEN
    UPDATE low_stock_states SET below = true, changed_at = now() WHERE product_id = p AND warehouse_id = w;
    INSERT INTO alerts (kind, product_id, warehouse_id, available, reorder_point, created_at)
      VALUES ('low_stock', p, w, avail, point, now()) RETURNING id INTO new_alert;
    INSERT INTO outbox_emails (kind, user_id, to_email, payload, dedupe_key, status, attempts, next_attempt_at, created_at)
      SELECT 'low_stock', u.id, u.email, jsonb_build_object('alertId', new_alert), 'low_stock:' || new_alert || ':' || u.id, 'PENDING', 0, now(), now()
      FROM alert_subscriptions s JOIN users u ON u.id = s.user_id
      WHERE s.warehouse_id = w AND s.mode = 'IMMEDIATE' AND u.active;
    GET DIAGNOSTICS queued = ROW_COUNT;
    -- Wake the worker at commit (when its queue exists; otherwise its minute sweep finds them).
    IF queued > 0 AND EXISTS (SELECT 1 FROM pg_proc pr JOIN pg_namespace n ON n.oid = pr.pronamespace WHERE n.nspname = 'graphile_worker' AND pr.proname = 'add_job') THEN
      EXECUTE 'SELECT graphile_worker.add_job($1, $2::json, job_key := $3)' USING 'deliver_outbox', '{}', 'deliver_outbox';
    END IF;
  ELSIF avail >= point AND was_below THEN
    UPDATE low_stock_states SET below = false, changed_at = now() WHERE product_id = p AND warehouse_id = w;
  END IF;
END $$;

CREATE FUNCTION qm_low_stock_balance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.internal AND NEW.warehouse_id IS NOT NULL THEN
    PERFORM qm_low_stock_evaluate(NEW.product_id, NEW.warehouse_id);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION qm_low_stock_rule_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qm_low_stock_evaluate(NEW.product_id, NEW.warehouse_id);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER stock_balances_low_stock AFTER INSERT OR UPDATE ON "stock_balances"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION qm_low_stock_balance_changed();
CREATE CONSTRAINT TRIGGER reorder_rules_low_stock AFTER INSERT OR UPDATE ON "reorder_rules"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION qm_low_stock_rule_changed();
