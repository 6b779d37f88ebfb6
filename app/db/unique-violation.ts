// Prisma's "unique constraint failed" (P2002), the same on SQLite and Postgres: how the app
// recognises a row that another request (or process) wrote first.
// https://www.prisma.io/docs/orm/reference/error-reference#p2002
import { Prisma } from "@prisma/client";

export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
