export const SUPPORTED_LOCALES = ["en"] as const;
export const DEFAULT_LOCALE = "en";

/** The first well-formed locale of an Accept-Language header that Intl supports, else en-US. */
export function pickFormatLocale(acceptLanguage: string | null | undefined): string {
  const tags = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim())
    .filter((t): t is string => Boolean(t) && t !== "*");
  for (const t of tags) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf([t]);
      if (supported) return supported;
    } catch {
      /* malformed tag */
    }
  }
  return "en-US";
}
