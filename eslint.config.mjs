import next from "eslint-config-next";

export default [
  { ignores: ["lib/generated/**", ".next/**", ".next-*/**", ".data/**", "playwright-report/**", "test-results/**", "bench/results/**"] },
  ...next,
];
