import { describe, expect, it } from "vitest";
import { PRODUCT_CSV_HEADERS, parseProductCsv, toCsv } from "@/lib/inventory/csv";

const BOM = "\uFEFF";

/** Header + rows joined with LF; every row is a raw CSV line. */
function csv(...lines: string[]): string {
  return lines.join("\n");
}

describe("parseProductCsv: format", () => {
  it("parses a comma-separated file with all columns", () => {
    const result = parseProductCsv(
      csv(
        "sku,name,price,cost,barcode,category,weight_grams,active,description",
        "ABC-1,Widget,19.99,7.5,4006381333931,Tools,250,yes,A small widget",
        "abc_2.x/Y,Gadget,0,,,,,,",
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(",");
    expect(result.rows).toEqual([
      {
        line: 2,
        data: { sku: "ABC-1", name: "Widget", price: "19.99", cost: "7.5", barcode: "4006381333931", category: "Tools", weightGrams: 250, active: true, description: "A small widget" },
      },
      { line: 3, data: { sku: "abc_2.x/Y", name: "Gadget", price: "0" } },
    ]);
    // Optional columns left empty are absent, not empty strings.
    expect(result.rows[1]?.data).not.toHaveProperty("cost");
  });

  it("detects a semicolon-separated file (commas inside values stay values)", () => {
    const result = parseProductCsv(csv("sku;name;price;description", "A1;Bolt, steel;1.20;M6, zinc plated", "A2;Nut;0.05;"));
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(";");
    expect(result.rows.map((r) => r.data)).toEqual([
      { sku: "A1", name: "Bolt, steel", price: "1.20", description: "M6, zinc plated" },
      { sku: "A2", name: "Nut", price: "0.05" },
    ]);
  });

  it("strips a UTF-8 BOM so the first header is still recognised", () => {
    const result = parseProductCsv(`${BOM}sku,name,price\nA1,Bolt,1.00`);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ line: 2, data: { sku: "A1", name: "Bolt", price: "1.00" } }]);
  });

  it("handles quoted fields with delimiters, doubled quotes and newlines, and counts lines inside them", () => {
    const result = parseProductCsv(
      csv("sku,name,price,description", 'A1,"Bolt, steel",1.00,"He said ""hi"""', 'A2,Nut,2.00,"line one', 'line two"', "A3,Washer,3.00,", "bad sku,Oops,1.00,"),
    );
    expect(result.rows.map((r) => [r.line, r.data])).toEqual([
      [2, { sku: "A1", name: "Bolt, steel", price: "1.00", description: 'He said "hi"' }],
      [3, { sku: "A2", name: "Nut", price: "2.00", description: "line one\nline two" }],
      [5, { sku: "A3", name: "Washer", price: "3.00" }],
    ]);
    // The quoted newline pushes the next records down one physical line.
    expect(result.errors).toEqual([{ line: 6, column: "sku", message: expect.stringMatching(/SKU may only contain/) }]);
  });

  it("handles semicolon files with quoted semicolons", () => {
    const result = parseProductCsv(csv("sku;name;price", 'A1;"Bolt; steel";1.00'));
    expect(result.delimiter).toBe(";");
    expect(result.rows[0]?.data.name).toBe("Bolt; steel");
  });

  it("accepts CRLF line ends, including inside quoted fields", () => {
    const result = parseProductCsv('sku,name,price,description\r\nA1,Bolt,1.00,"a\r\nb"\r\nA2,Nut,2.00,\r\n');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, data: { sku: "A1", name: "Bolt", price: "1.00", description: "a\r\nb" } },
      { line: 4, data: { sku: "A2", name: "Nut", price: "2.00" } },
    ]);
  });

  it("matches headers case-insensitively and trims them; accepts weightGrams", () => {
    const result = parseProductCsv(csv(" SKU , Name,PRICE,WeightGrams,Active", "A1,Bolt,1.00,12,FALSE"));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.data).toEqual({ sku: "A1", name: "Bolt", price: "1.00", weightGrams: 12, active: false });
  });

  it("trims values", () => {
    const result = parseProductCsv(csv("sku,name,price,category", "  A1 ,  Bolt  , 1.00 ,  Fasteners "));
    expect(result.rows[0]?.data).toEqual({ sku: "A1", name: "Bolt", price: "1.00", category: "Fasteners" });
  });

  it("skips empty lines but keeps counting them", () => {
    const result = parseProductCsv(csv("sku,name,price", "", "A1,Bolt,1.00", "   ", ",,", "A2,Nut,x"));
    expect(result.rows).toEqual([{ line: 3, data: { sku: "A1", name: "Bolt", price: "1.00" } }]);
    expect(result.errors).toEqual([{ line: 6, column: "price", message: "Price must be a decimal number like 19.99" }]);
  });

  it("reports an empty file", () => {
    const result = parseProductCsv(`${BOM}\r\n\r\n`);
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(1);
  });
});

describe("parseProductCsv: headers", () => {
  it("rejects a file missing required headers with one line-1 error and no rows", () => {
    const result = parseProductCsv(csv("sku,title,cost", "A1,Bolt,1.00"));
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, message: "Missing required columns: name, price" }]);
  });

  it("reports a single missing required header", () => {
    const result = parseProductCsv(csv("name,price", "Bolt,1.00"));
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, message: "Missing required column: sku" }]);
  });

  it("reports unknown headers on line 1 by name and still parses the rows", () => {
    const result = parseProductCsv(csv("sku,name,colour,price", "A1,Bolt,red,1.00"));
    expect(result.errors).toEqual([{ line: 1, column: "colour", message: expect.stringContaining('Unknown column "colour"') }]);
    expect(result.rows).toEqual([{ line: 2, data: { sku: "A1", name: "Bolt", price: "1.00" } }]);
  });

  it("rejects a file that repeats a column", () => {
    const result = parseProductCsv(csv("sku,name,price,Price", "A1,Bolt,1.00,2.00"));
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, column: "Price", message: 'Column "Price" appears more than once' }]);
  });
});

describe("parseProductCsv: row validation", () => {
  const HEADER = "sku,name,price,cost,barcode,weight_grams,active";
  /** Parses one data row under HEADER and returns its errors (the row is on line 2). */
  function rowErrors(row: string) {
    const result = parseProductCsv(csv(HEADER, row));
    expect(result.rows).toEqual([]);
    return result.errors;
  }

  it.each([
    [",Bolt,1.00,,,,", "sku", "SKU is required"],
    [`${"A".repeat(65)},Bolt,1.00,,,,`, "sku", "SKU must be at most 64 characters"],
    ["A 1,Bolt,1.00,,,,", "sku", "SKU may only contain letters, digits, '-', '_', '.' and '/' (no spaces)"],
    ["A#1,Bolt,1.00,,,,", "sku", "SKU may only contain letters, digits, '-', '_', '.' and '/' (no spaces)"],
    ["A1,,1.00,,,,", "name", "Name is required"],
    [`A1,${"n".repeat(201)},1.00,,,,`, "name", "Name must be at most 200 characters"],
    ["A1,Bolt,,,,,", "price", "Price is required"],
    ["A1,Bolt,-1.00,,,,", "price", "Price must not be negative"],
    ["A1,Bolt,1.999,,,,", "price", "Price must have at most 2 decimals"],
    ["A1,Bolt,abc,,,,", "price", "Price must be a decimal number like 19.99"],
    ["A1,Bolt,1e3,,,,", "price", "Price must be a decimal number like 19.99"],
    ['A1,Bolt,"1,50",,,,', "price", 'Price must use "." as the decimal separator (e.g. 19.99)'],
    ["A1,Bolt,1.00,-2,,,", "cost", "Cost must not be negative"],
    ["A1,Bolt,1.00,2.3456789,,,", "cost", "Cost must have at most 6 decimals"],
    ["A1,Bolt,1.00,,123,,", "barcode", "Barcode must be 4 to 64 letters, digits or -"],
    ["A1,Bolt,1.00,,1234 5678,,", "barcode", "Barcode must be 4 to 64 letters, digits or -"],
    [`A1,Bolt,1.00,,${"9".repeat(65)},,`, "barcode", "Barcode must be 4 to 64 letters, digits or -"],
    ["A1,Bolt,1.00,,,-5,", "weight_grams", "Weight (grams) must be a non-negative whole number"],
    ["A1,Bolt,1.00,,,2.5,", "weight_grams", "Weight (grams) must be a non-negative whole number"],
    ["A1,Bolt,1.00,,,,maybe", "active", "Active must be one of true/false, yes/no, 1/0"],
  ])("rejects %s (%s)", (row, column, message) => {
    expect(rowErrors(row)).toEqual([{ line: 2, column, message }]);
  });

  it("accepts the boundary values", () => {
    const result = parseProductCsv(csv(HEADER, `${"A".repeat(64)},${"n".repeat(200)},0.5,0,ABcd,0,No`));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.data).toEqual({ sku: "A".repeat(64), name: "n".repeat(200), price: "0.5", cost: "0", barcode: "ABcd", weightGrams: 0, active: false });
  });

  it.each([
    ["true", true],
    ["YES", true],
    ["1", true],
    ["False", false],
    ["no", false],
    ["0", false],
  ])("reads active=%s as %s", (text, expected) => {
    expect(parseProductCsv(csv("sku,name,price,active", `A1,Bolt,1.00,${text}`)).rows[0]?.data.active).toBe(expected);
  });

  it("reports every problem of a row, with the right line numbers, and keeps the good rows", () => {
    const result = parseProductCsv(csv(HEADER, "A1,Bolt,1.00,,,,", ",,-1.00,x,,,", "A3,Nut,2.00,,,,", "A4,Washer,1.999,,,,"));
    expect(result.rows.map((r) => [r.line, r.data.sku])).toEqual([
      [2, "A1"],
      [4, "A3"],
    ]);
    expect(result.errors).toEqual([
      { line: 3, column: "sku", message: "SKU is required" },
      { line: 3, column: "name", message: "Name is required" },
      { line: 3, column: "price", message: "Price must not be negative" },
      { line: 3, column: "cost", message: "Cost must be a decimal number like 19.99" },
      { line: 5, column: "price", message: "Price must have at most 2 decimals" },
    ]);
  });

  it("reports a row with the wrong number of fields on its line", () => {
    const result = parseProductCsv(csv("sku,name,price", "A1,Bolt,1.00", "A2,Nut", "A3,Washer,3.00,extra"));
    expect(result.rows.map((r) => r.data.sku)).toEqual(["A1"]);
    expect(result.errors).toEqual([
      { line: 3, message: "Expected 3 fields (as in the header) but found 2" },
      { line: 4, message: "Expected 3 fields (as in the header) but found 4" },
    ]);
  });

  it("reports an unterminated quoted field", () => {
    const result = parseProductCsv(csv("sku,name,price", "A1,Bolt,1.00", 'A2,"Nut,2.00'));
    expect(result.rows.map((r) => r.data.sku)).toEqual(["A1"]);
    expect(result.errors).toEqual([{ line: 3, message: "Quoted field is not terminated" }]);
  });
});

describe("parseProductCsv: duplicates", () => {
  it("reports a repeated SKU (case-insensitive) on the later line only", () => {
    const result = parseProductCsv(csv("sku,name,price", "X1,First,1.00", "ABC-1,Bolt,1.00", "Y1,Other,1.00", "abc-1,Bolt again,2.00"));
    expect(result.rows.map((r) => [r.line, r.data.sku])).toEqual([
      [2, "X1"],
      [3, "ABC-1"],
      [4, "Y1"],
    ]);
    expect(result.errors).toEqual([{ line: 5, column: "sku", message: "Duplicate SKU abc-1 (also on line 3)" }]);
  });

  it("reports a repeated barcode on the later line only", () => {
    const result = parseProductCsv(csv("sku,name,price,barcode", "A1,Bolt,1.00,12345678", "A2,Nut,1.00,87654321", "A3,Washer,1.00,12345678"));
    expect(result.rows.map((r) => r.data.sku)).toEqual(["A1", "A2"]);
    expect(result.errors).toEqual([{ line: 4, column: "barcode", message: "Duplicate barcode 12345678 (also on line 2)" }]);
  });

  it("uses the physical line of the first occurrence when quoted newlines come before it", () => {
    const result = parseProductCsv(csv("sku,name,price,description", 'A1,Bolt,1.00,"x', 'y"', "A2,Nut,1.00,", "a2,Nut,1.00,"));
    expect(result.errors).toEqual([{ line: 5, column: "sku", message: "Duplicate SKU a2 (also on line 4)" }]);
  });
});

describe("toCsv", () => {
  it("starts with a BOM, uses CRLF and quotes only where needed", () => {
    const out = toCsv(["sku", "name", "note"], [
      ["A1", "Bolt, steel", 'say "hi"'],
      ["A2", "multi\nline", null],
      ["A3", undefined, true],
    ]);
    expect(out.startsWith(BOM)).toBe(true);
    expect(out.slice(1)).toBe('sku,name,note\r\nA1,"Bolt, steel","say ""hi"""\r\nA2,"multi\nline",\r\nA3,,true');
  });

  it("neutralises formula cells but leaves real numbers alone", () => {
    const out = toCsv(["a", "b", "c", "d", "e", "f", "g", "h", "i"], [["=SUM(A1)", "+1", "@x", "-cmd", -5, 10n, "-5.50", "\tx", "safe=1"]]);
    const [, row] = out.slice(1).split("\r\n");
    expect(row).toBe("'=SUM(A1),'+1,'@x,'-cmd,-5,10,-5.50,'\tx,safe=1");
  });

  it("neutralises a carriage return at the start of a cell (and quotes it)", () => {
    const out = toCsv(["a"], [["\rcmd"]]);
    expect(out.slice(1)).toBe("a\r\n\"'\rcmd\"");
  });

  it("writes the product header row", () => {
    expect(toCsv([...PRODUCT_CSV_HEADERS], []).slice(1)).toBe("sku,name,price,cost,barcode,category,weight_grams,active,description");
    // The readonly tuple is accepted as is.
    expect(toCsv(PRODUCT_CSV_HEADERS, [])).toBe(toCsv([...PRODUCT_CSV_HEADERS], []));
  });
});

describe("round trip", () => {
  it("parses toCsv output back into the same values, formula-looking text included", () => {
    const products = [
      { sku: "EQ-1", name: "=HYPERLINK(\"http://x\")", price: "19.99", cost: "7.50", barcode: "4006381333931", category: "+Plus", weightGrams: 250, active: true, description: "-dash, \"quoted\"\nsecond line" },
      { sku: "AT-2", name: "@home", price: "0", cost: undefined, barcode: undefined, category: undefined, weightGrams: undefined, active: false, description: "Ünïcödé – 10€" },
      { sku: "NEG", name: "-5.50", price: "5.50", cost: undefined, barcode: undefined, category: undefined, weightGrams: 0, active: undefined, description: undefined },
    ];
    const out = toCsv(
      PRODUCT_CSV_HEADERS,
      products.map((p) => [p.sku, p.name, p.price, p.cost, p.barcode, p.category, p.weightGrams, p.active, p.description]),
    );
    // The dangerous cells really were neutralised in the file...
    expect(out).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(out).toContain(",'@home,");
    // ...and come back exactly.
    const result = parseProductCsv(out);
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(",");
    expect(result.rows).toEqual([
      {
        line: 2,
        data: { sku: "EQ-1", name: '=HYPERLINK("http://x")', price: "19.99", cost: "7.50", barcode: "4006381333931", category: "+Plus", weightGrams: 250, active: true, description: '-dash, "quoted"\nsecond line' },
      },
      { line: 4, data: { sku: "AT-2", name: "@home", price: "0", active: false, description: "Ünïcödé – 10€" } },
      { line: 5, data: { sku: "NEG", name: "-5.50", price: "5.50", weightGrams: 0 } },
    ]);
  });
});
