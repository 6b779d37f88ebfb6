import type {
  FulfillmentOrderLineWarningsQuery,
  FulfillmentOrderLineWarningsQueryVariables,
} from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// What a fulfillment service said about each line when it rejected a request: the lineItems of
// fulfillmentOrderRejectFulfillmentRequest come back as FulfillmentOrderLineItem.warnings ("a
// warning about why a fulfillment request was rejected").
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderRejectFulfillmentRequest
// https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderLineItemWarning
// Read only by the rejection inbox, so the ledger's sync query stays as it is.
const FULFILLMENT_ORDER_LINE_WARNINGS_QUERY = `#graphql
  query FulfillmentOrderLineWarnings($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on FulfillmentOrder {
        id
        requestStatus
        lineItems(first: 50) {
          nodes {
            id
            sku
            productTitle
            warnings {
              title
              description
            }
          }
        }
      }
    }
  }
` as const;

/** FOs per call: 10 × (50 lines + warnings) stays far below the 1,000-point query limit. */
const LINE_WARNINGS_BATCH = 10;

interface LineWarning {
  lineItemId: string;
  sku: string | null;
  productTitle: string;
  /** The warning's title and description in one line. */
  text: string;
}

type Node = NonNullable<FulfillmentOrderLineWarningsQuery["nodes"][number]>;

/**
 * Warnings only of FOs whose request is REJECTED now: the docs don't say when a warning goes
 * away, so one left from an earlier rejection must not describe the current state.
 */
function toLineWarnings(node: Node): LineWarning[] {
  if (!("lineItems" in node) || node.requestStatus !== "REJECTED") return [];
  return node.lineItems.nodes.flatMap((li) =>
    li.warnings.flatMap((w) => {
      const text = [w.title?.trim(), w.description?.trim()].filter(Boolean).join(": ");
      return text ? [{ lineItemId: li.id, sku: li.sku ?? null, productTitle: li.productTitle, text }] : [];
    }),
  );
}

/** The line warnings of each FO (by GID); FOs Shopify no longer has are left out. */
export async function fetchLineWarnings(
  graphql: AdminGraphql,
  fulfillmentOrderIds: readonly string[],
): Promise<Map<string, LineWarning[]>> {
  const warnings = new Map<string, LineWarning[]>();
  for (let i = 0; i < fulfillmentOrderIds.length; i += LINE_WARNINGS_BATCH) {
    const { data } = await runOperation<FulfillmentOrderLineWarningsQuery, FulfillmentOrderLineWarningsQueryVariables>(
      graphql,
      {
        name: "FulfillmentOrderLineWarnings",
        kind: "query",
        document: FULFILLMENT_ORDER_LINE_WARNINGS_QUERY,
        variables: { ids: fulfillmentOrderIds.slice(i, i + LINE_WARNINGS_BATCH) },
      },
    );
    for (const node of data.nodes) if (node && "id" in node) warnings.set(node.id, toLineWarnings(node));
  }
  return warnings;
}
