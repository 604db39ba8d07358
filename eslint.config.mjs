import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// lib/ is the framework-free core: it must run from a script or a test with no Next.js, React, tRPC,
// xyflow or database client.
const frameworkImports = [
  { group: ["next", "next/*"], message: "lib/ is framework-free: no Next.js imports." },
  { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/ is framework-free: no React imports." },
  { group: ["@trpc/*"], message: "lib/ is framework-free: no tRPC imports." },
  { group: ["@xyflow/*"], message: "lib/ is framework-free: no xyflow imports." },
  { group: ["@prisma/*", "prisma", "prisma/*", "**/generated/**"], message: "lib/ is framework-free: no Prisma imports." },
  { group: ["@/server/*", "@/app/*", "@/components/*", "../server/*", "../../server/*"], message: "lib/ may import only lib/ and npm packages." },
];

const config = [
  { ignores: [".next/**", "node_modules/**", "server/db/generated/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: frameworkImports }] },
  },
  {
    // Test helpers inspect arbitrary JSON from wire protocols; `any` there keeps assertions readable.
    files: ["testing/**/*.ts", "**/*.test.ts", "e2e/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@next/next/no-html-link-for-pages": "off",
    },
  },
];

export default config;
