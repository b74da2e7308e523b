import "server-only";
import { headers } from "next/headers";
import { formatMoney } from "../money";
import { pickFormatLocale } from "./locale";

/** Formatters for the current request's locale (server components). */
export async function getFormatters() {
  const locale = pickFormatLocale((await headers()).get("accept-language"));
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    locale,
    dateTime: (d: Date | string) => dateTime.format(typeof d === "string" ? new Date(d) : d),
    date: (d: Date | string) => date.format(typeof d === "string" ? new Date(d) : d),
    number: (n: number | bigint) => integer.format(n),
    money: (amount: bigint, currency: string) => formatMoney(amount, currency, locale),
    /** A unit cost kept as a decimal string (up to 6 places), shown with up to 4 decimals. */
    unitCost: (decimal: string, currency: string) =>
      new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(decimal as unknown as number),
  };
}
