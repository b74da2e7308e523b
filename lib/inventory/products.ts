import "server-only";
import { isUniqueViolation, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../audit/service";
import { parseMoney, toDecimalString } from "../money";
import { getCompany } from "../settings/company";
import type { ProductCsvRow } from "./csv";
import type { CreateProductInput, UpdateProductInput } from "./schema";

export type ProductDto = {
  id: string;
  sku: string;
  name: string;
  price: string;
  currency: string;
  barcode: string | null;
  cost: string | null;
  description: string | null;
  category: string | null;
  weightGrams: number | null;
  active: boolean;
  isKit: boolean;
};

type Row = {
  id: string;
  sku: string;
  name: string;
  price: bigint;
  currency: string;
  barcode: string | null;
  standardCost: { toString(): string } | null;
  description: string | null;
  category: string | null;
  weightGrams: number | null;
  active: boolean;
  isKit: boolean;
};

export function toProductDto(p: Row): ProductDto {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    price: toDecimalString(p.price, p.currency),
    currency: p.currency,
    barcode: p.barcode,
    cost: p.standardCost ? p.standardCost.toString() : null,
    description: p.description,
    category: p.category,
    weightGrams: p.weightGrams,
    active: p.active,
    isKit: p.isKit,
  };
}

export async function findProductBySku(tx: Tx, sku: string) {
  const p = await tx.product.findUnique({ where: { sku } });
  if (!p) throw new AppError("VALIDATION", `Unknown SKU ${sku}.`, { issues: [{ path: "sku", message: `Unknown SKU ${sku}` }] });
  return p;
}

function uniqueError(e: unknown): never {
  const text = String((e as { message?: string }).message ?? "") + JSON.stringify((e as { meta?: unknown }).meta ?? {});
  if (/barcode/i.test(text)) throw new AppError("CONFLICT", "Another product has this barcode.", { issues: [{ path: "barcode", message: "Already used by another product" }] });
  throw new AppError("CONFLICT", "A product with this SKU exists.", { issues: [{ path: "sku", message: "Already exists" }] });
}

async function parentId(tx: Tx, parentSku: string | undefined): Promise<string | undefined> {
  if (!parentSku) return undefined;
  const parent = await tx.product.findUnique({ where: { sku: parentSku }, select: { id: true, parentId: true } });
  if (!parent) throw new AppError("VALIDATION", "Unknown parent SKU.", { issues: [{ path: "parentSku", message: "Unknown SKU" }] });
  if (parent.parentId) throw new AppError("VALIDATION", "A variant cannot have variants.", { issues: [{ path: "parentSku", message: "That SKU is itself a variant" }] });
  return parent.id;
}

export async function createProduct(actor: Actor, input: CreateProductInput, opts: { tx?: Tx } = {}): Promise<ProductDto> {
  const run = async (tx: Tx) => {
    const { currency } = await getCompany(tx);
    const p = await tx.product.create({
      data: {
        sku: input.sku,
        name: input.name,
        price: parseMoney(input.price, currency).amount,
        currency,
        barcode: input.barcode,
        standardCost: input.cost,
        description: input.description,
        category: input.category,
        weightGrams: input.weightGrams,
        lengthMm: input.lengthMm,
        widthMm: input.widthMm,
        heightMm: input.heightMm,
        parentId: await parentId(tx, input.parentSku),
      },
    });
    const dto = toProductDto(p);
    await recordAudit(tx, { actor, action: "product.create", entityType: "Product", entityId: p.id, after: dto });
    return dto;
  };
  try {
    return opts.tx ? await run(opts.tx) : await transaction(run);
  } catch (e) {
    if (isUniqueViolation(e)) uniqueError(e);
    throw e;
  }
}

export async function updateProduct(actor: Actor, input: UpdateProductInput): Promise<ProductDto> {
  try {
    return await transaction(async (tx) => {
      const before = await tx.product.findUnique({ where: { id: input.id } });
      if (!before) throw new AppError("NOT_FOUND", "Product not found.");
      const p = await tx.product.update({
        where: { id: input.id },
        data: {
          name: input.name,
          price: parseMoney(input.price, before.currency).amount,
          barcode: input.barcode ?? null,
          standardCost: input.cost ?? null,
          description: input.description ?? null,
          category: input.category ?? null,
          weightGrams: input.weightGrams ?? null,
          lengthMm: input.lengthMm ?? null,
          widthMm: input.widthMm ?? null,
          heightMm: input.heightMm ?? null,
          active: input.active,
          parentId: (await parentId(tx, input.parentSku)) ?? null,
        },
      });
      const dto = toProductDto(p);
      await recordAudit(tx, { actor, action: "product.update", entityType: "Product", entityId: p.id, before: toProductDto(before), after: dto });
      return dto;
    });
  } catch (e) {
    if (isUniqueViolation(e)) uniqueError(e);
    throw e;
  }
}

export type ImportPlan = { create: ProductCsvRow[]; update: ProductCsvRow[]; conflicts: { line: number; message: string }[] };

/** What an import would do, without writing: which SKUs are new, which exist, which barcodes clash. */
export async function planProductImport(tx: Tx, rows: { line: number; data: ProductCsvRow }[]): Promise<ImportPlan> {
  const skus = rows.map((r) => r.data.sku);
  const existing = await tx.product.findMany({ where: { sku: { in: skus } }, select: { sku: true, barcode: true } });
  const existingSkus = new Set(existing.map((e) => e.sku));
  const barcodes = rows.map((r) => r.data.barcode).filter((b): b is string => Boolean(b));
  const taken = await tx.product.findMany({ where: { barcode: { in: barcodes } }, select: { sku: true, barcode: true } });
  const owner = new Map(taken.map((t) => [t.barcode!, t.sku]));
  const plan: ImportPlan = { create: [], update: [], conflicts: [] };
  for (const r of rows) {
    const o = r.data.barcode ? owner.get(r.data.barcode) : undefined;
    if (o && o !== r.data.sku) {
      plan.conflicts.push({ line: r.line, message: `Barcode ${r.data.barcode} already belongs to ${o}` });
      continue;
    }
    (existingSkus.has(r.data.sku) ? plan.update : plan.create).push(r.data);
  }
  return plan;
}

/** Applies a CSV import in one transaction: new SKUs are created, existing ones updated. */
export async function importProducts(actor: Actor, rows: { line: number; data: ProductCsvRow }[]): Promise<{ created: number; updated: number }> {
  return transaction(
    async (tx) => {
      const plan = await planProductImport(tx, rows);
      if (plan.conflicts.length) throw new AppError("CONFLICT", `${plan.conflicts.length} row(s) conflict with existing products; nothing was imported.`);
      const { currency } = await getCompany(tx);
      for (const r of plan.create) {
        const p = await tx.product.create({
          data: {
            sku: r.sku,
            name: r.name,
            price: parseMoney(r.price, currency).amount,
            currency,
            barcode: r.barcode,
            standardCost: r.cost,
            description: r.description,
            category: r.category,
            weightGrams: r.weightGrams,
            active: r.active ?? true,
          },
        });
        await recordAudit(tx, { actor, action: "product.import_create", entityType: "Product", entityId: p.id, after: toProductDto(p) });
      }
      for (const r of plan.update) {
        const before = await tx.product.findUniqueOrThrow({ where: { sku: r.sku } });
        const p = await tx.product.update({
          where: { sku: r.sku },
          data: {
            name: r.name,
            price: parseMoney(r.price, before.currency).amount,
            ...(r.barcode !== undefined ? { barcode: r.barcode } : {}),
            ...(r.cost !== undefined ? { standardCost: r.cost } : {}),
            ...(r.description !== undefined ? { description: r.description } : {}),
            ...(r.category !== undefined ? { category: r.category } : {}),
            ...(r.weightGrams !== undefined ? { weightGrams: r.weightGrams } : {}),
            ...(r.active !== undefined ? { active: r.active } : {}),
          },
        });
        await recordAudit(tx, { actor, action: "product.import_update", entityType: "Product", entityId: p.id, before: toProductDto(before), after: toProductDto(p) });
      }
      return { created: plan.create.length, updated: plan.update.length };
    },
    { timeoutMs: 120_000 },
  );
}

export async function setKitComponents(actor: Actor, opts: { kitSku: string; components: { sku: string; quantity: number }[] }) {
  return transaction(async (tx) => {
    const kit = await findProductBySku(tx, opts.kitSku);
    const stock = await tx.stockBalance.count({ where: { productId: kit.id, internal: true, onHand: { not: 0 } } });
    if (stock) throw new AppError("CONFLICT", "This product has stock of its own; it cannot become a kit.");
    await tx.$executeRaw`DELETE FROM kit_components WHERE kit_id = ${kit.id}::uuid`;
    for (const c of opts.components) {
      const comp = await findProductBySku(tx, c.sku);
      if (comp.isKit) throw new AppError("VALIDATION", "A kit cannot contain another kit.");
      await tx.kitComponent.create({ data: { kitId: kit.id, componentId: comp.id, quantity: c.quantity } });
    }
    await tx.product.update({ where: { id: kit.id }, data: { isKit: opts.components.length > 0 } });
    await recordAudit(tx, { actor, action: "product.set_kit", entityType: "Product", entityId: kit.id, after: opts });
    return { sku: kit.sku, components: opts.components };
  });
}
