import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, pickFormatLocale } from "./locale";
import { loadMessages } from "./messages";

/**
 * Messages come from the catalog of the UI language (English for now). Numbers, money and
 * dates are formatted for the browser's locale (Accept-Language), e.g. 1.234,56 € in de-DE.
 */
export default getRequestConfig(async () => {
  const h = await headers();
  const formatLocale = pickFormatLocale(h.get("accept-language"));
  const lang = formatLocale.split("-")[0] ?? DEFAULT_LOCALE;
  const locale = (SUPPORTED_LOCALES as readonly string[]).includes(lang) ? lang : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: "UTC",
    messages: loadMessages(locale),
  };
});
