// Runs one Admin API GraphQL request against the real schema: parse, validate,
// cost + throttle, execute with the simulator's resolvers.
import {
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
} from "graphql";
import { loadAdminSchema, type SchemaVersion } from "../admin-schema";
import { gidType } from "../ids";
import { runDueJobs } from "../operations/order-cancel";
import { releaseExpiredPostPurchaseHolds } from "../operations/orders";
import type { StoreState } from "../store-state";
import type { AppRef } from "../types";
import type { ResolverMap, SimContext } from "./context";
import { actualCost, MAX_QUERY_COST, requestedCost } from "./cost";
import { inputLimitErrors } from "./input-limits";
import { mutationResolvers } from "./mutation-resolvers";
import { objectResolvers } from "./object-resolvers";
import { productObjectResolvers } from "./product-resolvers";
import { queryResolvers } from "./query-resolvers";
import { variantResolvers } from "./variant-resolvers";
import { refill, throttleStatus } from "./throttle";

export interface GraphQLBody {
  data?: unknown;
  errors?: unknown[];
  extensions?: Record<string, unknown>;
}

/** The maps merged per type, so two files may each resolve fields of one type (Product, say). */
function mergeResolverMaps(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

const RESOLVERS = mergeResolverMaps(
  queryResolvers,
  objectResolvers,
  variantResolvers,
  productObjectResolvers,
  mutationResolvers,
);

/**
 * No silent nulls: a field is answered by an explicit resolver or an own property
 * of the source; anything else is an error at that path.
 */
const fieldResolver: GraphQLFieldResolver<unknown, SimContext> = (source, args, ctx, info) => {
  const explicit = RESOLVERS[info.parentType.name]?.[info.fieldName];
  if (explicit) return explicit(source as never, args, ctx, info);
  if (source !== null && typeof source === "object" && Object.hasOwn(source, info.fieldName)) {
    return (source as Record<string, unknown>)[info.fieldName];
  }
  throw new GraphQLError(`Simulator does not implement ${info.parentType.name}.${info.fieldName}`);
};

const typeResolver: GraphQLTypeResolver<unknown, SimContext> = (value) => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? (gidType(id) ?? undefined) : undefined;
};

// Shopify (graphql-ruby) error codes for the most common validation failures.
const VALIDATION_CODES: [RegExp, string, (m: RegExpMatchArray) => string][] = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"\./,
    "undefinedField",
    (m) => `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
  ],
  [
    /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./,
    "argumentNotAccepted",
    (m) => `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
  ],
  [
    /^Field "(\w+)\.(\w+)" argument "(\w+)" of type "(.+)" is required/,
    "missingRequiredArguments",
    (m) => `Field '${m[2]}' is missing required arguments: ${m[3]}`,
  ],
  [/^Unknown type "(\w+)"/, "undefinedType", (m) => `No such type ${m[1]}, so it can't be a fragment condition`],
];

function validationError(e: GraphQLError): unknown {
  for (const [re, code, message] of VALIDATION_CODES) {
    const m = e.message.match(re);
    if (m) return { message: message(m), locations: e.locations, extensions: { code } };
  }
  return { message: e.message, locations: e.locations, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
}

// Shopify's wording for a missing required variable; other variable problems keep
// graphql-js's message.
function variableError(e: GraphQLError): unknown {
  const missing = /^Variable "\$(\w+)" of required type "(.+)" was not provided\.$/.exec(e.message);
  if (missing) {
    return {
      message: `Variable $${missing[1]} of type ${missing[2]} was provided invalid value`,
      locations: e.locations,
      extensions: { value: null, problems: [{ path: [], explanation: "Expected value to not be null" }] },
    };
  }
  return { message: e.message, locations: e.locations, extensions: { code: "INVALID_VARIABLE" } };
}

function pickOperation(doc: DocumentNode, name: string | null | undefined): OperationDefinitionNode | string {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (name) return ops.find((o) => o.name?.value === name) ?? `No operation named "${name}"`;
  if (ops.length !== 1) return "An operation name is required";
  return ops[0] ?? "No operations provided";
}

export function runGraphQL(
  state: StoreState,
  shopDomain: string,
  version: SchemaVersion,
  app: AppRef,
  request: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
): GraphQLBody {
  runDueJobs(state);
  releaseExpiredPostPurchaseHolds(state);
  const schema = loadAdminSchema(version);
  let doc: DocumentNode;
  try {
    doc = parse(request.query);
  } catch (e) {
    const err = e as GraphQLError;
    return { errors: [{ message: err.message, locations: err.locations, extensions: { code: "PARSE_ERROR" } }] };
  }
  const invalid = validate(schema, doc);
  if (invalid.length) return { errors: invalid.map(validationError) };
  const op = pickOperation(doc, request.operationName);
  if (typeof op === "string") return { errors: [{ message: op }] };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const variables = request.variables ?? {};
  const oversized = inputLimitErrors(doc, variables);
  if (oversized.length) return { errors: oversized };

  const shop = state.shop(shopDomain);
  refill(shop, state.nowMs());
  const requested = requestedCost(schema, op, fragments, variables);
  if (requested > MAX_QUERY_COST) {
    return {
      errors: [
        {
          message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_QUERY_COST },
        },
      ],
      extensions: {
        cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus(shop) },
      },
    };
  }
  if (requested > shop.bucket.available) {
    return {
      errors: [
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
      extensions: {
        cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus(shop) },
      },
    };
  }
  shop.bucket.available -= requested;
  const ctx: SimContext = { state, shop: shopDomain, app, version };
  const result = execute({
    schema,
    document: doc,
    rootValue: {},
    contextValue: ctx,
    variableValues: variables,
    operationName: request.operationName ?? undefined,
    fieldResolver,
    typeResolver,
  });
  if (result instanceof Promise) throw new Error("Simulator resolvers must be synchronous");
  if (!("data" in result)) {
    // Variable coercion failed before execution: nothing ran, nothing is charged.
    shop.bucket.available += requested;
    return { errors: (result.errors ?? []).map(variableError) };
  }
  const actual = Math.min(requested, actualCost(schema, op, fragments, variables, result.data));
  // Shopify refunds the difference between requested and actual cost.
  shop.bucket.available += requested - actual;
  const body: GraphQLBody = {};
  if (result.errors?.length) body.errors = result.errors.map((e) => e.toJSON());
  body.data = result.data ?? null;
  body.extensions = {
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus(shop) },
  };
  return body;
}
