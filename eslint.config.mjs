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

// lib/ is a stack, bottom to top: shared lib/*.ts -> secrets, credentials -> llm, tools -> flow -> engine ->
// workflows, templates. A folder may import only folders below it, type-only imports included. Each rule
// names the folders a layer may not reach, in both spellings ("@/lib/flow/..." and "../flow/...").
const layerImports = (folders, layer) => ({
  regex: `^(@/lib/|\\./|(\\.\\./)+(lib/)?)(${folders.join("|")})(/|$)`,
  message: `${layer} may not import lib/${folders.join(", lib/")}: they sit above it in lib/'s stack (see "Project layout" in README.md).`,
});
const aboveCredentials = ["llm", "tools", "flow", "engine", "workflows", "templates"];
const stackRules = [
  { layer: "shared lib/*.ts", files: ["lib/*.{ts,tsx}"], above: ["secrets", "credentials", ...aboveCredentials] },
  { layer: "lib/secrets and lib/credentials", files: ["lib/secrets/**/*.{ts,tsx}", "lib/credentials/**/*.{ts,tsx}"], above: aboveCredentials },
  { layer: "lib/llm and lib/tools", files: ["lib/llm/**/*.{ts,tsx}", "lib/tools/**/*.{ts,tsx}"], above: ["flow", "engine", "workflows", "templates"] },
  { layer: "lib/flow", files: ["lib/flow/**/*.{ts,tsx}"], above: ["engine", "workflows", "templates"] },
  { layer: "lib/engine", files: ["lib/engine/**/*.{ts,tsx}"], above: ["workflows", "templates"] },
];

// components/ folders import one way, bottom to top: shared UI pieces, the editor's state, the run view,
// node faces, the canvas, sharing, and the editor page that composes them. A folder never imports one above it.
const componentLayers = ["ui", "editor-state", "run", "nodes", "canvas", "share", "editor"];
const componentLayerRules = componentLayers.slice(0, -1).map((layer, index) => ({
  files: [`components/${layer}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: componentLayers.slice(index + 1).map((above) => ({
          group: [`@/components/${above}/*`, `../${above}/*`],
          message: `components/${layer} sits below components/${above} (see componentLayers in eslint.config.mjs).`,
        })),
      },
    ],
  },
}));

const config = [
  { ignores: [".next/**", "node_modules/**", "server/db/generated/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: frameworkImports }] },
  },
  // A later block's options replace an earlier one's for the same files, so each repeats the framework rules.
  ...stackRules.map(({ layer, files, above }) => ({
    files,
    rules: { "no-restricted-imports": ["error", { patterns: [...frameworkImports, layerImports(above, layer)] }] },
  })),
  ...componentLayerRules,
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
