import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SUPPORTED_SCHEMA_VERSIONS } from "../../../simulator/admin-schema";
import { collectOperations, validateOperation } from "../../../tests/support/graphql-operations";
import { API_VERSION, PREVIOUS_API_VERSION } from "../api-version";

// Every Admin operation the app contains must validate against the version we speak and
// the one before it, with graphql-js against Shopify's own published schemas.
const operations = collectOperations("app");
const GATEWAY_INFRASTRUCTURE = new Set(["run-operation.server.ts", "errors.ts", "admin-client.server.ts"]);

describe("Admin GraphQL contract", () => {
  it("finds the app's operations, each named and unique", () => {
    expect(operations.length).toBeGreaterThan(0);
    const names = operations.map((op) => op.name);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps every operation in the gateway, one per file", () => {
    for (const op of operations) expect(op.file).toMatch(/^app\/shopify\/admin\//);
    const perFile = new Map<string, number>();
    for (const op of operations) perFile.set(op.file, (perFile.get(op.file) ?? 0) + 1);
    for (const [file, count] of perFile) expect({ file, count }).toEqual({ file, count: 1 });
    for (const file of perFile.keys()) expect(GATEWAY_INFRASTRUCTURE.has(basename(file))).toBe(false);
  });

  it("checks both supported versions", () => {
    expect([...SUPPORTED_SCHEMA_VERSIONS].sort()).toEqual([PREVIOUS_API_VERSION, API_VERSION].sort());
  });

  describe.each(SUPPORTED_SCHEMA_VERSIONS)("against Shopify's %s schema", (version) => {
    it.each(operations.map((op) => [op.name, op] as const))("%s validates", (_name, op) => {
      const errors = validateOperation(op.document, version).map((e) => e.message);
      expect(errors).toEqual([]);
    });
  });

  describe("when an operation names a field Shopify does not have", () => {
    const dir = mkdtempSync(join(tmpdir(), "contract-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(SUPPORTED_SCHEMA_VERSIONS)("fails validation against %s", (version) => {
      writeFileSync(
        join(dir, "bad-operation.server.ts"),
        "export const BAD = `#graphql\n  query BadOperation { shop { id fulfillmentDeskMagic } }\n`;\n",
      );
      const [bad] = collectOperations(dir);
      expect(bad?.name).toBe("BadOperation");
      const errors = validateOperation(bad!.document, version).map((e) => e.message);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^Cannot query field "fulfillmentDeskMagic" on type "Shop"\./);
    });
  });
});
