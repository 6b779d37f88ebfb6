// Per-request context handed to every resolver, and the resolver-map shape.
import type { GraphQLResolveInfo } from "graphql";
import type { SchemaVersion } from "../admin-schema";
import type { StoreState } from "../store-state";
import type { AppRef } from "../types";

export interface SimContext {
  state: StoreState;
  shop: string;
  app: AppRef;
  version: SchemaVersion;
}

type Args = Record<string, unknown>;
export type FieldResolver = (source: never, args: Args, ctx: SimContext, info: GraphQLResolveInfo) => unknown;
export type ResolverMap = Record<string, Record<string, FieldResolver>>;

/** Typed helper so each resolver can name its source type. */
export function field<S>(
  fn: (source: S, args: Args, ctx: SimContext, info: GraphQLResolveInfo) => unknown,
): FieldResolver {
  return fn as FieldResolver;
}
