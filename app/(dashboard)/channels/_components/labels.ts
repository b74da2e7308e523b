/** Display helpers shared by the channel pages (server side; the texts come from next-intl). */

type T = (key: string, values?: Record<string, string | number>) => string;

/** "Marketplace · Amazon", "Web shop". */
export function typeLabel(t: T, type: string, platform: string | null): string {
  const kind = t(`types.${type}`);
  return platform ? `${kind} · ${t(`platforms.${platform}`)}` : kind;
}

/** "8.25% excl. tax", "8.25% incl. tax", or "No sales tax"; the percentage in the reader's locale. */
export function taxLabel(t: T, locale: string, rate: string, pricesIncludeTax: boolean): string {
  if (/^0(\.0*)?$/.test(rate)) return t("tax.none");
  // Intl formats decimal strings exactly (no float conversion of the stored rate).
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 }).format(rate as unknown as number);
  return pricesIncludeTax ? t("tax.included", { rate: percent }) : t("tax.excluded", { rate: percent });
}
