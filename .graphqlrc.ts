// Typed Admin operations (@shopify/api-codegen-preset), generated from the schema that
// `npm run schema:fetch` caches locally. shopifyApiProject() would download the schema
// from shopify.dev, which these machines cannot reach, so the generates steps are
// spelled out with the local file.
import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";

const schema = "node_modules/.cache/shopify-admin-schema/admin-2026-10.graphql";

export default {
  schema,
  documents: ["app/**/*.{ts,tsx}", "!app/**/*.test.{ts,tsx}", "!app/types/**"],
  extensions: {
    codegen: {
      pluckConfig,
      generates: {
        "./app/types/admin.types.d.ts": {
          plugins: ["typescript"],
          config: { defaultScalarType: "string", scalars: { JSON: "unknown" }, enumsAsTypes: true },
        },
        "./app/types/admin.generated.d.ts": {
          preset,
          presetConfig: { apiType: ApiType.Admin },
        },
      },
    },
  },
};
