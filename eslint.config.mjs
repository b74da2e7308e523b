import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      // lib/env.ts is the only reader of process.env (CONVENTIONS habit 9).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["lib/env.ts", "scripts/postinstall.mjs", "lib/platform/embedded-postgres.ts", "tests/**", "playwright.config.ts", "vitest.config.ts"], rules: { "no-restricted-properties": "off" } },
];

export default config;
