import "server-only";
import { db, type Tx } from "../db";

export type Company = { name: string; currency: string };

/** The company's name and base currency (books and valuation are kept in it). */
export async function getCompany(tx?: Tx): Promise<Company> {
  const row = await (tx ?? db()).setting.findUnique({ where: { key: "company" } });
  const v = (row?.value ?? {}) as Partial<Company>;
  return { name: v.name ?? "Quartermaster", currency: v.currency ?? "USD" };
}
