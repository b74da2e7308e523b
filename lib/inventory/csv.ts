/**
 * Product CSV import/export: pure functions, no I/O. Parsing and unparsing go through papaparse;
 * this module only maps headers, validates cells and reports errors with 1-based file line
 * numbers (the header is line 1; a quoted field spanning several lines counts them all).
 * Money stays a decimal string ("19.99") and is never turned into a float here.
 */
import Papa from "papaparse";

export type ProductCsvRow = {
  sku: string;
  name: string;
  price: string;
  barcode?: string;
  cost?: string;
  description?: string;
  category?: string;
  weightGrams?: number;
  active?: boolean;
};

export type CsvRowError = { line: number; column?: string; message: string };

export type ParsedProductCsv = {
  rows: { line: number; data: ProductCsvRow }[];
  errors: CsvRowError[];
  delimiter: "," | ";";
};

export type CsvCell = string | number | bigint | boolean | null | undefined;

export const PRODUCT_CSV_HEADERS = ["sku", "name", "price", "cost", "barcode", "category", "weight_grams", "active", "description"] as const;

type ProductColumn = (typeof PRODUCT_CSV_HEADERS)[number];

const REQUIRED_COLUMNS: readonly ProductColumn[] = ["sku", "name", "price"];

/** Lower-cased, trimmed header text → canonical column. */
const HEADER_ALIASES: ReadonlyMap<string, ProductColumn> = new Map<string, ProductColumn>([
  ...PRODUCT_CSV_HEADERS.map((h) => [h, h] as const),
  ["weightgrams", "weight_grams"],
]);

const BOM = "\uFEFF";
const SKU_MAX = 64;
const NAME_MAX = 200;
const SKU_PATTERN = /^[A-Za-z0-9._/-]+$/;
/** The same rules as the product form and the API (lib/inventory/schema.ts), so exports re-import. */
const BARCODE_PATTERN = /^[A-Za-z0-9-]{4,64}$/;
const MONEY_PATTERN = /^\d+(\.\d{1,2})?$/;
const INTEGER_PATTERN = /^\d+$/;
const PLAIN_NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;
/** Cells a spreadsheet would evaluate as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell neutralised by toCsv: a `'` in front of a formula character. */
const NEUTRALISED = /^'[=+\-@]/;
const LINE_BREAK = /\r\n|\r|\n/g;
const TRUE_VALUES = new Set(["true", "yes", "1"]);
const FALSE_VALUES = new Set(["false", "no", "0"]);

function countLineBreaks(s: string): number {
  return s.match(LINE_BREAK)?.length ?? 0;
}

/** Trims and undoes toCsv's formula neutralisation. */
function cleanCell(raw: string): string {
  const value = raw.trim();
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

function codePointLength(s: string): number {
  return [...s].length;
}

function checkMoney(value: string, label: string, decimals = 2): string | null {
  if (decimals === 2 ? MONEY_PATTERN.test(value) : new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(value)) return null;
  if (value.startsWith("-") && /^-\d+(\.\d+)?$/.test(value)) return `${label} must not be negative`;
  if (new RegExp(`^\\d+\\.\\d{${decimals + 1},}$`).test(value)) return `${label} must have at most ${decimals} decimals`;
  if (/^\d+,\d+$/.test(value)) return `${label} must use "." as the decimal separator (e.g. 19.99)`;
  return `${label} must be a decimal number like 19.99`;
}

type RawRecord = { fields: string[]; line: number; errors: string[] };

/** Splits the text into records with the line each starts on; papaparse does the CSV work. */
function readRecords(text: string): { records: RawRecord[]; delimiter: "," | ";" } {
  const records: RawRecord[] = [];
  let delimiter: "," | ";" = ",";
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";"],
    skipEmptyLines: false,
    step: (result) => {
      if (result.meta.delimiter === ";") delimiter = ";";
      const cursor = result.meta.cursor;
      const errors = result.errors.filter((e) => e.type !== "Delimiter").map((e) => (e.code === "MissingQuotes" ? "Quoted field is not terminated" : `Malformed quotes: ${e.message}`));
      records.push({ fields: result.data, line, errors });
      line += countLineBreaks(text.slice(start, cursor));
      start = cursor;
    },
  });
  return { records, delimiter };
}

function isBlank(record: RawRecord): boolean {
  return record.errors.length === 0 && record.fields.every((f) => f.trim() === "");
}

/**
 * Parses a product CSV (comma or semicolon separated, optional UTF-8 BOM, CRLF or LF).
 * Rows with any error are left out of `rows`; every problem is reported in `errors`.
 */
export function parseProductCsv(text: string): ParsedProductCsv {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const { records, delimiter } = readRecords(input);
  const nonBlank = records.filter((r) => !isBlank(r));
  const header = nonBlank[0];
  if (!header) return { rows: [], errors: [{ line: 1, message: "The file is empty: expected a header row with sku, name and price" }], delimiter };
  if (header.errors.length > 0) return { rows: [], errors: header.errors.map((message) => ({ line: header.line, message: `Header row: ${message}` })), delimiter };

  // Map header cells to canonical columns.
  const errors: CsvRowError[] = [];
  const columns: (ProductColumn | null)[] = [];
  const seen = new Set<ProductColumn>();
  const duplicated: string[] = [];
  header.fields.forEach((raw, index) => {
    const label = cleanCell(raw);
    const column = HEADER_ALIASES.get(label.toLowerCase());
    if (!column) {
      columns.push(null);
      errors.push(label === "" ? { line: header.line, message: `Column ${index + 1} has no header name; its values are ignored` } : { line: header.line, column: label, message: `Unknown column "${label}"; its values are ignored` });
      return;
    }
    if (seen.has(column)) duplicated.push(label);
    seen.add(column);
    columns.push(column);
  });

  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    return { rows: [], errors: [{ line: header.line, message: `Missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}` }], delimiter };
  }
  if (duplicated.length > 0) {
    return { rows: [], errors: duplicated.map((label) => ({ line: header.line, column: label, message: `Column "${label}" appears more than once` })), delimiter };
  }

  const rows: ParsedProductCsv["rows"] = [];
  const skuLines = new Map<string, number>();
  const barcodeLines = new Map<string, number>();

  for (const record of nonBlank.slice(1)) {
    const { line } = record;
    if (record.errors.length > 0) {
      for (const message of record.errors) errors.push({ line, message });
      continue;
    }
    if (record.fields.length !== columns.length) {
      errors.push({ line, message: `Expected ${columns.length} fields (as in the header) but found ${record.fields.length}` });
      continue;
    }

    const cells = new Map<ProductColumn, string>();
    columns.forEach((column, i) => {
      if (column) cells.set(column, cleanCell(record.fields[i] ?? ""));
    });
    const get = (column: ProductColumn) => cells.get(column) ?? "";
    const rowErrors: CsvRowError[] = [];
    const fail = (column: ProductColumn, message: string) => rowErrors.push({ line, column, message });

    const sku = get("sku");
    let skuValid = false;
    if (sku === "") fail("sku", "SKU is required");
    else if (codePointLength(sku) > SKU_MAX) fail("sku", `SKU must be at most ${SKU_MAX} characters`);
    else if (!SKU_PATTERN.test(sku)) fail("sku", "SKU may only contain letters, digits, '-', '_', '.' and '/' (no spaces)");
    else skuValid = true;
    if (skuValid) {
      const key = sku.toLowerCase();
      const first = skuLines.get(key);
      if (first !== undefined) fail("sku", `Duplicate SKU ${sku} (also on line ${first})`);
      else skuLines.set(key, line);
    }

    const name = get("name");
    if (name === "") fail("name", "Name is required");
    else if (codePointLength(name) > NAME_MAX) fail("name", `Name must be at most ${NAME_MAX} characters`);

    const price = get("price");
    if (price === "") fail("price", "Price is required");
    else {
      const problem = checkMoney(price, "Price");
      if (problem) fail("price", problem);
    }

    const cost = get("cost");
    if (cost !== "") {
      const problem = checkMoney(cost, "Cost", 6);
      if (problem) fail("cost", problem);
    }

    const barcode = get("barcode");
    if (barcode !== "") {
      if (!BARCODE_PATTERN.test(barcode)) fail("barcode", "Barcode must be 4 to 64 letters, digits or -");
      else {
        const first = barcodeLines.get(barcode);
        if (first !== undefined) fail("barcode", `Duplicate barcode ${barcode} (also on line ${first})`);
        else barcodeLines.set(barcode, line);
      }
    }

    const weightText = get("weight_grams");
    let weightGrams: number | undefined;
    if (weightText !== "") {
      const weight = Number(weightText);
      if (!INTEGER_PATTERN.test(weightText) || !Number.isSafeInteger(weight)) fail("weight_grams", "Weight (grams) must be a non-negative whole number");
      else weightGrams = weight;
    }

    const activeText = get("active").toLowerCase();
    let active: boolean | undefined;
    if (activeText !== "") {
      if (TRUE_VALUES.has(activeText)) active = true;
      else if (FALSE_VALUES.has(activeText)) active = false;
      else fail("active", "Active must be one of true/false, yes/no, 1/0");
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }

    const data: ProductCsvRow = { sku, name, price };
    if (barcode !== "") data.barcode = barcode;
    if (cost !== "") data.cost = cost;
    const description = get("description");
    if (description !== "") data.description = description;
    const category = get("category");
    if (category !== "") data.category = category;
    if (weightGrams !== undefined) data.weightGrams = weightGrams;
    if (active !== undefined) data.active = active;
    rows.push({ line, data });
  }

  errors.sort((a, b) => a.line - b.line);
  return { rows, errors, delimiter };
}

function toCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (FORMULA_START.test(value) && !PLAIN_NUMBER_PATTERN.test(value)) return `'${value}`;
  return value;
}

/**
 * Builds a CSV for download: `,`-separated, CRLF line ends, UTF-8 BOM (so Excel reads UTF-8),
 * quoting where needed. String cells a spreadsheet would run as a formula get a leading `'`
 * (numbers, and strings that are plain decimals such as "-5.50", are left alone).
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  // Header and data as one array of arrays: papaparse then writes CRLF between records only
  // (with `fields` + empty `data` it would leave a dangling line break after the header).
  const records = [headers.map(toCell), ...rows.map((row) => row.map(toCell))];
  const csv = Papa.unparse(records, { delimiter: ",", newline: "\r\n", quotes: false, escapeFormulae: false });
  return BOM + csv;
}
