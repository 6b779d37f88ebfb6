// The only place that reads Admin API responses. It checks `data`, turns `userErrors`
// into ShopifyUserError, maps transport failures to typed errors and reports the
// query cost (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits).
import { GraphqlQueryError, HttpMaxRetriesError, HttpRequestError, HttpResponseError } from "@shopify/shopify-api";
import {
  AdminGraphqlError,
  AdminThrottledError,
  AdminTransportError,
  type QueryCost,
  ShopifyUserError,
  type ShopifyUserErrorDetail,
} from "./errors";

/**
 * The Admin GraphQL client as handed out by `authenticate.admin`, `authenticate.webhook`
 * and `unauthenticated.admin` (`admin.graphql`). Domain code receives it as a parameter.
 */
export type AdminGraphql = (
  query: string,
  options?: { variables?: Record<string, unknown>; tries?: number },
) => Promise<Response>;

interface AdminOperation<TData, TVariables extends Record<string, unknown> = Record<string, unknown>> {
  /** The operation name written in the document, e.g. "FulfillmentOrderHold". */
  name: string;
  kind: "query" | "mutation";
  document: string;
  variables?: TVariables;
  /** Where a mutation's userErrors live in its payload. */
  userErrors?: (data: TData) => readonly ShopifyUserErrorDetail[] | null | undefined;
}

interface OperationResult<TData> {
  data: TData;
  cost: QueryCost | null;
}

interface RunOptions {
  /** Called with every response's cost, also for throttled ones; the cost-aware client paces on it. */
  onCost?: (cost: QueryCost) => void;
}

interface GraphqlErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

export async function runOperation<TData, TVariables extends Record<string, unknown>>(
  graphql: AdminGraphql,
  operation: AdminOperation<TData, TVariables>,
  options: RunOptions = {},
): Promise<OperationResult<TData>> {
  let body: { data?: TData | null; errors?: unknown; extensions?: { cost?: QueryCost } };
  try {
    const response = await graphql(operation.document, { variables: operation.variables });
    body = (await response.json()) as typeof body;
  } catch (error) {
    // authenticate.admin's client throws a Response to re-authenticate: let it through.
    if (error instanceof Response) throw error;
    throw toTypedError(operation.name, error, options);
  }

  const cost = readCost(body.extensions);
  if (cost) options.onCost?.(cost);

  const errors = graphqlErrorsOf(body.errors);
  if (errors.length > 0) throw graphqlFailure(operation.name, errors, cost);
  if (body.data === null || body.data === undefined) {
    throw new AdminGraphqlError(operation.name, [{ message: "Shopify returned no data" }]);
  }

  const userErrors = operation.userErrors?.(body.data) ?? [];
  if (userErrors.length > 0) {
    throw new ShopifyUserError(
      operation.name,
      userErrors.map((e) => ({ field: e.field ?? null, message: e.message, code: e.code ?? null })),
    );
  }
  return { data: body.data, cost };
}

function readCost(extensions: unknown): QueryCost | null {
  const cost = (extensions as { cost?: QueryCost } | undefined)?.cost;
  return cost && typeof cost.requestedQueryCost === "number" && cost.throttleStatus ? cost : null;
}

function graphqlErrorsOf(errors: unknown): GraphqlErrorLike[] {
  if (Array.isArray(errors)) return errors as GraphqlErrorLike[];
  if (errors && typeof errors === "object") {
    const nested = (errors as { graphQLErrors?: unknown }).graphQLErrors;
    if (Array.isArray(nested)) return nested as GraphqlErrorLike[];
    const message = (errors as { message?: unknown }).message;
    if (typeof message === "string") return [{ message }];
  }
  if (typeof errors === "string") return [{ message: errors }];
  return [];
}

function graphqlFailure(name: string, errors: GraphqlErrorLike[], cost: QueryCost | null): Error {
  if (errors.some((e) => e.extensions?.code === "THROTTLED")) return new AdminThrottledError(name, cost);
  return new AdminGraphqlError(name, errors);
}

function toTypedError(name: string, error: unknown, options: RunOptions): Error {
  // @shopify/shopify-api throws GraphqlQueryError for a 200 carrying `errors` (THROTTLED included).
  if (error instanceof GraphqlQueryError) {
    const body = error.body as { errors?: unknown; extensions?: unknown } | undefined;
    const cost = readCost(body?.extensions);
    if (cost) options.onCost?.(cost);
    return graphqlFailure(name, graphqlErrorsOf(body?.errors), cost);
  }
  if (error instanceof HttpResponseError) {
    const status = error.response.code;
    return new AdminTransportError(name, status, error.message, status === 429 || status >= 500);
  }
  if (error instanceof HttpMaxRetriesError || error instanceof HttpRequestError) {
    return new AdminTransportError(name, null, error.message, true);
  }
  if (error instanceof TypeError) {
    // fetch() rejects with TypeError on network failure.
    return new AdminTransportError(name, null, error.message, true);
  }
  return error instanceof Error ? error : new Error(String(error));
}
