// Prisma's "unique constraint failed" (P2002), the same on SQLite and Postgres: how the app
// recognises a row that another request (or process) wrote first.
// https://www.prisma.io/docs/orm/reference/error-reference#p2002
// Recognised by name and code, not `instanceof`: the PostgreSQL client is generated to its own
// output with its own copy of Prisma's runtime, so its error classes are not @prisma/client's
// (docs/decisions/0035-one-schema-two-providers.md).
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error &&
  error.name === "PrismaClientKnownRequestError" &&
  (error as Error & { code?: unknown }).code === "P2002";
