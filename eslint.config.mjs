import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Tests read untyped JSON response bodies; typing every one would only restate the API.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  { ignores: ["lib/generated/**", ".next*/**", "tests/e2e/.data/**", "playwright-report/**", "data/**", "test-results/**", "bench/out/**"] },
];
export default config;
