/** Largest CSV text an import accepts, in UTF-8 bytes (checked in the browser and by the actions' schema). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
