// Finds every Admin GraphQL operation the app contains (template literals tagged with the
// `#graphql` marker, the convention @shopify/api-codegen-preset plucks) and validates them
// against Shopify's real schemas.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type DocumentNode, type GraphQLError, Kind, parse, validate } from "graphql";
import { loadAdminSchema, type SchemaVersion } from "../../simulator/admin-schema";

interface FoundOperation {
  file: string;
  name: string;
  source: string;
  document: DocumentNode;
}

const SOURCE = /\.(ts|tsx)$/;
const SKIP = /\.test\.(ts|tsx)$|\.d\.ts$/;
const OPERATION_LITERAL = /`#graphql([\s\S]*?)`/g;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "types" || entry === "node_modules" ? [] : walk(path);
    return SOURCE.test(entry) && !SKIP.test(entry) ? [path] : [];
  });
}

export function collectOperations(rootDir: string): FoundOperation[] {
  return walk(rootDir).flatMap((path) => {
    const text = readFileSync(path, "utf8");
    return [...text.matchAll(OPERATION_LITERAL)].map((match) => {
      const source = match[1] ?? "";
      const document = parse(source);
      const definition = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      const name = definition && "name" in definition ? (definition.name?.value ?? "") : "";
      return { file: relative(process.cwd(), path), name, source, document };
    });
  });
}

export function validateOperation(document: DocumentNode, version: SchemaVersion): readonly GraphQLError[] {
  return validate(loadAdminSchema(version), document);
}
