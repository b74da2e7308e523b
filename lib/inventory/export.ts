/**
 * Product CSV files: the export of the (filtered) inventory list, and the read-only preview and
 * the apply step of an import. Cell parsing and writing live in csv.ts (pure); the import
 * transaction lives in products.ts. This module adds what a file round trip needs: the
 * stock columns the export appends are read-only, so an import ignores them instead of
 * reporting them as unknown.
 */
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../audit/service";
import { toDecimalString } from "../money";
import { PRODUCT_CSV_HEADERS, parseProductCsv, toCsv, type CsvCell, type CsvRowError, type ParsedProductCsv } from "./csv";
import { importProducts, planProductImport } from "./products";
import { listProducts, type ProductListFilter } from "./queries";

/** Read-only columns the export appends after the product columns (numbers, never imported). */
export const STOCK_CSV_HEADERS = ["on_hand", "reserved", "available"] as const;
export const PRODUCT_EXPORT_HEADERS = [...PRODUCT_CSV_HEADERS, ...STOCK_CSV_HEADERS] as const;

/** Rows fetched per query while exporting (listProducts' maximum page size). */
const EXPORT_PAGE_SIZE = 200;

/** How many entries of each list a preview sends to the browser (the counts are always complete). */
export const PREVIEW_LIST_LIMIT = 500;

export type ProductExportFilter = Omit<ProductListFilter, "page" | "pageSize">;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The inventory list's query parameters (q, category, status, stock, sort, dir) with its defaults. */
export function productExportFilter(params: URLSearchParams): ProductExportFilter {
  return {
    q: params.get("q")?.trim() || undefined,
    category: params.get("category") || undefined,
    status: pick(params.get("status"), ["active", "inactive", "all"] as const) ?? "active",
    stock: pick(params.get("stock"), ["in", "out", "low"] as const),
    sort: pick(params.get("sort"), ["sku", "name", "onHand", "available", "price"] as const) ?? "sku",
    dir: pick(params.get("dir"), ["asc", "desc"] as const) ?? "asc",
  };
}

/** `products-2026-01-31.csv` (UTC date). */
export function productExportFileName(now: Date = new Date()): string {
  return `products-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * Every product matching the filter as a CSV (PRODUCT_CSV_HEADERS, then on_hand, reserved,
 * available), in the list's order. Pages through listProducts; the product fields the list
 * does not carry are read in one query per page.
 */
export async function exportProductsCsv(filter: ProductExportFilter): Promise<string> {
  const rows: CsvCell[][] = [];
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    const { rows: listed, total } = await listProducts({ ...filter, page, pageSize: EXPORT_PAGE_SIZE });
    const ids = listed.map((r) => r.id);
    const details = ids.length
      ? await db().product.findMany({ where: { id: { in: ids } }, select: { id: true, barcode: true, standardCost: true, description: true, weightGrams: true } })
      : [];
    const byId = new Map(details.map((d) => [d.id, d]));
    for (const r of listed) {
      // A product that moved between pages while we read (a concurrent edit) is written once.
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const d = byId.get(r.id);
      rows.push([
        r.sku,
        r.name,
        toDecimalString(r.price, r.currency),
        d?.standardCost ? d.standardCost.toFixed() : null,
        d?.barcode ?? null,
        r.category,
        d?.weightGrams ?? null,
        r.active,
        d?.description ?? null,
        r.onHand,
        r.reserved,
        r.available,
      ]);
    }
    if (listed.length < EXPORT_PAGE_SIZE || page * EXPORT_PAGE_SIZE >= total) break;
  }
  return toCsv(PRODUCT_EXPORT_HEADERS, rows);
}

const READ_ONLY_COLUMNS: ReadonlySet<string> = new Set(STOCK_CSV_HEADERS);

/**
 * parseProductCsv for an uploaded file: the export's read-only stock columns are ignored
 * (listed in `ignoredColumns`) instead of being reported as unknown, so an exported file
 * re-imports without errors.
 */
export function parseProductFile(text: string): ParsedProductCsv & { ignoredColumns: string[] } {
  const parsed = parseProductCsv(text);
  const ignoredColumns: string[] = [];
  const errors = parsed.errors.filter((e) => {
    // Only header errors name a column outside the product columns ("Unknown column ...").
    const readOnly = e.column !== undefined && READ_ONLY_COLUMNS.has(e.column.trim().toLowerCase());
    if (readOnly) ignoredColumns.push(e.column!);
    return !readOnly;
  });
  return { ...parsed, errors, ignoredColumns };
}

export type ImportPreviewRow = { line: number; sku: string; name: string; price: string; action: "create" | "update" };
export type ImportConflict = { line: number; column: "barcode"; message: string };

export type ImportPreview = {
  delimiter: "," | ";";
  counts: { create: number; update: number; errors: number; errorLines: number; conflicts: number };
  /** The first PREVIEW_LIST_LIMIT entries of each list, in file order. */
  errors: CsvRowError[];
  conflicts: ImportConflict[];
  rows: ImportPreviewRow[];
  ignoredColumns: string[];
  /** True when importing this file now would be refused (errors, conflicts or no rows). */
  blocked: boolean;
};

/** What importing this text would do: parse + plan against the database, nothing written. */
export async function previewProductImport(text: string): Promise<ImportPreview> {
  const parsed = parseProductFile(text);
  const plan = await planProductImport(db(), parsed.rows);
  const lineOf = new Map(parsed.rows.map((r) => [r.data.sku, r.line]));
  const rows: ImportPreviewRow[] = [
    ...plan.create.map((r) => ({ line: lineOf.get(r.sku) ?? 0, sku: r.sku, name: r.name, price: r.price, action: "create" as const })),
    ...plan.update.map((r) => ({ line: lineOf.get(r.sku) ?? 0, sku: r.sku, name: r.name, price: r.price, action: "update" as const })),
  ].sort((a, b) => a.line - b.line);
  const conflicts = plan.conflicts.map((c) => ({ line: c.line, column: "barcode" as const, message: c.message })).sort((a, b) => a.line - b.line);
  return {
    delimiter: parsed.delimiter,
    counts: {
      create: plan.create.length,
      update: plan.update.length,
      errors: parsed.errors.length,
      errorLines: new Set(parsed.errors.map((e) => e.line)).size,
      conflicts: conflicts.length,
    },
    errors: parsed.errors.slice(0, PREVIEW_LIST_LIMIT),
    conflicts: conflicts.slice(0, PREVIEW_LIST_LIMIT),
    rows: rows.slice(0, PREVIEW_LIST_LIMIT),
    ignoredColumns: parsed.ignoredColumns,
    blocked: parsed.errors.length > 0 || conflicts.length > 0 || rows.length === 0,
  };
}

/**
 * Imports the text as uploaded (re-parsed here: a plan sent by the browser is never trusted).
 * A file with any error imports nothing; barcode conflicts are refused by importProducts,
 * which creates and updates in one transaction.
 */
export async function importProductFile(actor: Actor, text: string): Promise<{ created: number; updated: number }> {
  const parsed = parseProductFile(text);
  if (parsed.errors.length > 0) {
    const lines = new Set(parsed.errors.map((e) => e.line)).size;
    throw new AppError("VALIDATION", `The file has errors on ${lines} line(s); nothing was imported. Preview it to see them, fix the file and try again.`);
  }
  if (parsed.rows.length === 0) throw new AppError("VALIDATION", "The file has no product rows; nothing was imported.");
  return importProducts(actor, parsed.rows);
}
