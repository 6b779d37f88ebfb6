// A drop-in `fetch` for the Admin API: GraphQL endpoint (token auth, injected
// 5xx failures) and the OAuth access-token endpoint. Other URLs throw.
// 401 body as Shopify sends it for a bad/missing token:
// https://shopify.dev/docs/api/usage/response-codes
import { SUPPORTED_SCHEMA_VERSIONS, type SchemaVersion } from "../admin-schema";
import { runGraphQL } from "../graphql/execute";
import type { StoreState } from "../store-state";
import type { AppRef } from "../types";
import { handleAccessToken } from "./token-exchange";

export interface FailureRule {
  count: number;
  status: 500 | 502 | 503 | 504;
  operationName?: string;
}

const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "X-Request-Id": crypto.randomUUID() },
  });
}

function operationNameOf(body: { query?: string; operationName?: string | null }): string | null {
  if (body.operationName) return body.operationName;
  return /\b(?:query|mutation)\s+(\w+)/.exec(body.query ?? "")?.[1] ?? null;
}

interface FetchDeps {
  state: StoreState;
  app: AppRef;
  creds: { apiKey: string; apiSecret: string };
  failures: FailureRule[];
}

async function readBody(input: RequestInfo | URL, init?: RequestInit): Promise<string> {
  if (init?.body !== undefined && init.body !== null)
    return typeof init.body === "string" ? init.body : await new Response(init.body).text();
  if (input instanceof Request) return await input.text();
  return "";
}

function headerOf(input: RequestInfo | URL, init: RequestInit | undefined, name: string): string | null {
  const fromInit = init?.headers ? new Headers(init.headers).get(name) : null;
  if (fromInit !== null) return fromInit;
  return input instanceof Request ? input.headers.get(name) : null;
}

function takeFailure(failures: FailureRule[], opName: string | null): FailureRule | null {
  const rule = failures.find((r) => r.count > 0 && (!r.operationName || r.operationName === opName));
  if (!rule) return null;
  rule.count -= 1;
  if (rule.count === 0) failures.splice(failures.indexOf(rule), 1);
  return rule;
}

export async function simulatorFetch(deps: FetchDeps, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  const shop = deps.state.shops.get(url.host);
  const gql = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(url.pathname);
  if (!shop || method !== "POST" || (!gql && url.pathname !== "/admin/oauth/access_token")) {
    throw new Error(`Store simulator: unexpected request ${method} ${url.toString()}`);
  }
  const raw = await readBody(input, init);
  if (!gql) {
    const type = headerOf(input, init, "content-type") ?? "";
    const params = type.includes("json")
      ? (JSON.parse(raw || "{}") as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(raw));
    const r = handleAccessToken(deps.state, shop, deps.creds, params);
    return json(r.status, r.body);
  }
  const version = gql[1] as SchemaVersion;
  if (!SUPPORTED_SCHEMA_VERSIONS.includes(version)) return json(404, { errors: "Not Found" });
  let body: { query?: string; variables?: Record<string, unknown> | null; operationName?: string | null };
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    return json(400, { errors: { query: "Required parameter missing or invalid" } });
  }
  const failure = takeFailure(deps.failures, operationNameOf(body));
  if (failure) return json(failure.status, { errors: STATUS_TEXT[failure.status] });
  const token = headerOf(input, init, "x-shopify-access-token");
  const now = deps.state.nowMs();
  const valid =
    shop.installed && shop.tokens.some((t) => t.token === token && (t.expiresAtMs === null || t.expiresAtMs > now));
  if (!valid)
    return json(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  if (typeof body.query !== "string") return json(400, { errors: { query: "Required parameter missing or invalid" } });
  const result = runGraphQL(deps.state, shop.domain, version, deps.app, {
    query: body.query,
    variables: body.variables,
    operationName: body.operationName,
  });
  return json(200, result);
}
