-- CreateTable
CREATE TABLE "stock_snapshot_points" (
    "warehouse_id" UUID NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stock_snapshot_points_pkey" PRIMARY KEY ("warehouse_id","as_of")
);

-- CreateTable
CREATE TABLE "stock_snapshots" (
    "warehouse_id" UUID NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "product_id" UUID NOT NULL,
    "on_hand" INTEGER NOT NULL,

    CONSTRAINT "stock_snapshots_pkey" PRIMARY KEY ("warehouse_id","as_of","product_id")
);
-- A move dated before a snapshot point of its warehouse makes that point wrong: drop the point
-- (its rows are ignored without it and replaced when the worker rebuilds it). Normal moves are
-- dated now, after every point, and delete nothing.
CREATE FUNCTION qm_snapshot_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stock_snapshot_points p
  USING locations l
  WHERE l.id IN (NEW.from_location_id, NEW.to_location_id) AND l.warehouse_id = p.warehouse_id AND p.as_of > NEW.created_at;
  RETURN NULL;
END $$;
CREATE TRIGGER stock_moves_snapshot_invalidate AFTER INSERT ON "stock_moves"
  FOR EACH ROW EXECUTE FUNCTION qm_snapshot_invalidate();
