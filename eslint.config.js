import js from "@eslint/js";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Outside app/jobs, background work is reached through the JobQueue and JobWorker interfaces only
// (docs/decisions/0033-one-job-queue-contract.md): which implementation runs the jobs, and the table
// it keeps them in, can change without touching a caller.
const JOB_IMPLEMENTATION_IMPORTS = {
  group: ["**/jobs/prisma-job-queue.server", "**/jobs/prisma-job-runner.server", "**/jobs/schedule.server"],
  message: "Use the JobQueue / JobWorker interfaces from ~/jobs/job-queue and ~/jobs/runtime.server.",
};
const JOB_TABLE_ACCESS = [
  {
    selector: "MemberExpression[property.name='job'][object.name=/^(prisma|tx|db)$/]",
    message: "The job table belongs to app/jobs: use the JobQueue interface (getJobQueue()).",
  },
  {
    selector: "CallExpression[callee.property.name=/^(drain|runDue|requeueAbandoned)$/]",
    message: "Runner-specific: tests run background work with getJobWorker().runUntilIdle().",
  },
];

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "app/types/**", ".cache/**", "tests/e2e/screenshots/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    // The bench scripts measure the table runner itself and keep their direct access for now.
    ignores: ["app/jobs/**", "scripts/bench/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [JOB_IMPLEMENTATION_IMPORTS] }],
      "no-restricted-syntax": ["error", ...JOB_TABLE_ACCESS],
    },
  },
  {
    // Components and pure modules never reach into server-only code.
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["*.server", "*.server.*"] }],
    },
  },
  {
    files: ["scripts/**/*.{js,mjs,ts}", "tests/**/*.ts", "simulator/**/*.ts", "*.config.{js,ts}"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        window: "readonly",
        document: "readonly",
        fetch: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        CustomEvent: "readonly",
        customElements: "readonly",
        HTMLElement: "readonly",
        Request: "readonly",
        Headers: "readonly",
      },
    },
  },
);
