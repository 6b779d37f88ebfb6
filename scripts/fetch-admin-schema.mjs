#!/usr/bin/env node
// Obtains Shopify's published Admin GraphQL schemas without committing them.
//
// Source: the npm package @shopify/dev-mcp@1.16.0, published by Shopify, ships the
// introspection results as package/dist/data/admin_<version>.json.gz. We `npm pack`
// it (the npm registry is reachable from every machine of ours), check the files
// against pinned sha256 digests, and cache the introspection JSON plus a printed SDL
// under node_modules/.cache/shopify-admin-schema/ (git-ignored).
//
// If the registry cannot be reached, ../shared/shopify/admin-schema holds byte-identical
// copies (see ../shared/shopify/SOURCES.md); we fall back to them and say so.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_CACHE_DIR = join(ROOT, "node_modules", ".cache", "shopify-admin-schema");
const PACKAGE = "@shopify/dev-mcp@1.16.0";

// sha256 of Shopify's gzipped introspection files, as recorded in ../shared/shopify/SOURCES.md.
const VERSIONS = {
  "2026-10": "f3b522f264556925eada700e795e4a002a9cba83444ebcc6c0d724254a0c6593",
  "2026-07": "5bcde995c89c59acdb2ee494378d96f45ce7378a16ec829a74b71d696a08ef19",
};

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");
const jsonPath = (v) => join(SCHEMA_CACHE_DIR, `admin-${v}.json`);
const sdlPath = (v) => join(SCHEMA_CACHE_DIR, `admin-${v}.graphql`);
const stampPath = join(SCHEMA_CACHE_DIR, "stamp.json");

function cached() {
  if (!existsSync(stampPath)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampPath, "utf8"));
    return Object.entries(VERSIONS).every(
      ([v, digest]) => stamp[v] === digest && existsSync(jsonPath(v)) && existsSync(sdlPath(v)),
    );
  } catch {
    return false;
  }
}

function fromNpm() {
  const work = mkdtempSync(join(tmpdir(), "admin-schema-"));
  try {
    const out = execFileSync("npm", ["pack", PACKAGE, "--silent", "--pack-destination", work], {
      cwd: work,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000,
    });
    const tarball = join(work, out.trim().split("\n").pop());
    const members = Object.keys(VERSIONS).map((v) => `package/dist/data/admin_${v}.json.gz`);
    execFileSync("tar", ["-xzf", tarball, "-C", work, ...members]);
    return Object.fromEntries(
      Object.keys(VERSIONS).map((v) => [v, readFileSync(join(work, `package/dist/data/admin_${v}.json.gz`))]),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function fromShared() {
  const dir = resolve(ROOT, "..", "shared", "shopify", "admin-schema");
  return Object.fromEntries(
    Object.keys(VERSIONS).map((v) => [v, readFileSync(join(dir, `${v}.introspection.json.gz`))]),
  );
}

async function main() {
  if (cached() && !process.argv.includes("--force")) {
    console.log(`admin schema: cached in ${SCHEMA_CACHE_DIR}`);
    return;
  }
  let source = `npm registry (${PACKAGE})`;
  let files;
  try {
    files = fromNpm();
  } catch (error) {
    console.warn(`admin schema: npm pack ${PACKAGE} failed (${error.message.split("\n")[0]}); using ../shared`);
    source = "../shared/shopify/admin-schema";
    files = fromShared();
  }
  const { buildClientSchema, printSchema } = await import("graphql");
  mkdirSync(SCHEMA_CACHE_DIR, { recursive: true });
  const stamp = {};
  for (const [version, gz] of Object.entries(files)) {
    const digest = sha256(gz);
    if (digest !== VERSIONS[version]) {
      throw new Error(`admin_${version}.json.gz from ${source} has sha256 ${digest}, expected ${VERSIONS[version]}`);
    }
    const json = gunzipSync(gz).toString("utf8");
    const introspection = JSON.parse(json);
    const schema = buildClientSchema(introspection.data ?? introspection);
    writeFileSync(jsonPath(version), json);
    writeFileSync(sdlPath(version), printSchema(schema));
    stamp[version] = digest;
  }
  writeFileSync(stampPath, JSON.stringify({ ...stamp, source }, null, 2));
  console.log(`admin schema: ${Object.keys(files).join(", ")} from ${source} -> ${SCHEMA_CACHE_DIR}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
