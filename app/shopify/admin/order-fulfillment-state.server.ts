import type { FulfillmentOrderLineSnapshot, FulfillmentOrderSnapshot, OrderSnapshot } from "~/fulfillment/ledger-types";
import type { OrderFulfillmentStateQuery, OrderFulfillmentStateQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// One query per order for all of its fulfillment orders: the authoritative state the ledger
// stores. Page sizes keep the requested cost near 500 points, under Shopify's 1,000-point
// single-query limit (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits):
// each line costs 3 (the line, its LineItem and its Product), so 13 lines a page keep 10 FOs at
// 529 requested (20 lines cost 528 before rules needed the product); actual cost is what an
// order has, e.g. 23 for one FO with one line.
// Order.fulfillmentOrders returns closed FOs too (displayable defaults to false);
// orders with more FOs page on `foAfter`, FOs with more lines page through
// FulfillmentOrderLineItemsPage.
const ORDER_FULFILLMENT_STATE_QUERY = `#graphql
  query OrderFulfillmentState($id: ID!, $foAfter: String) {
    order(id: $id) {
      id
      name
      createdAt
      updatedAt
      cancelledAt
      displayFinancialStatus
      displayFulfillmentStatus
      tags
      checkoutToken
      shippingAddress {
        countryCodeV2
        province
        provinceCode
      }
      risk {
        recommendation
        assessments {
          riskLevel
        }
      }
      customer {
        id
        displayName
      }
      totalPriceSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      fulfillmentOrders(first: 10, after: $foAfter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          requestStatus
          fulfillAt
          createdAt
          updatedAt
          deliveryMethod {
            methodType
          }
          destination {
            countryCode
            province
          }
          assignedLocation {
            name
            location {
              id
              isFulfillmentService
            }
          }
          supportedActions {
            action
            externalUrl
          }
          merchantRequests(kind: FULFILLMENT_REQUEST, last: 1) {
            nodes {
              responseData
            }
          }
          fulfillmentHolds {
            id
            reason
            reasonNotes
            handle
            heldByRequestingApp
            heldByApp {
              id
              title
            }
          }
          lineItems(first: 13) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              sku
              productTitle
              totalQuantity
              remainingQuantity
              lineItem {
                id
                vendor
                product {
                  tags
                }
                variant {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
` as const;

type OrderNode = NonNullable<OrderFulfillmentStateQuery["order"]>;
type FulfillmentOrderNode = OrderNode["fulfillmentOrders"]["nodes"][number];

const RISK_RANK = ["NONE", "PENDING", "LOW", "MEDIUM", "HIGH"];

function riskLevelOf(risk: OrderNode["risk"]): string | null {
  const levels = risk.assessments.map((a) => a.riskLevel as string);
  const highest = levels.sort((a, b) => RISK_RANK.indexOf(b) - RISK_RANK.indexOf(a))[0];
  return highest ?? null;
}

/** The line-item fields both line-item queries select (same selection, same mapping). */
interface LineItemNode {
  id: string;
  sku?: string | null;
  productTitle: string;
  totalQuantity: number;
  remainingQuantity: number;
  lineItem: {
    id: string;
    vendor?: string | null;
    product?: { tags: string[] } | null;
    variant?: { id: string } | null;
  };
}

export function toLineSnapshot(li: LineItemNode): FulfillmentOrderLineSnapshot {
  return {
    id: li.id,
    lineItemId: li.lineItem.id,
    sku: li.sku ?? null,
    name: li.productTitle,
    totalQuantity: li.totalQuantity,
    remainingQuantity: li.remainingQuantity,
    vendor: li.lineItem.vendor ?? null,
    // LineItem.product is null once the product is deleted: then it has no tags.
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/LineItem#field-LineItem.fields.product
    productTags: li.lineItem.product?.tags ?? [],
    // LineItem.variant is null once the variant is deleted.
    // https://shopify.dev/docs/api/admin-graphql/latest/objects/LineItem#field-LineItem.fields.variant
    variantId: li.lineItem.variant?.id ?? null,
  };
}

type ShippingAddressNode = NonNullable<OrderNode["shippingAddress"]>;

/**
 * Where the FO ships: its destination's country and, as a code, its province. Before 2027-01
 * FulfillmentOrderDestination gives the province only by name
 * (https://shopify.dev/changelog/fulfillment-order-destination-province-code), so the code comes
 * from the order's shipping address (MailingAddress.provinceCode) when the destination is that
 * address (same country and province name); otherwise it stays unknown. A pickup FO ships nowhere.
 */
function destinationOf(
  fo: Pick<FulfillmentOrderNode, "destination" | "deliveryMethod">,
  shipping: ShippingAddressNode | null,
): { countryCode: string | null; provinceCode: string | null } {
  const destination = fo.destination;
  if (!destination || fo.deliveryMethod?.methodType === "PICK_UP") return { countryCode: null, provinceCode: null };
  const countryCode = (destination.countryCode as string | null | undefined) ?? null;
  const sameAddress =
    shipping !== null &&
    countryCode !== null &&
    (shipping.countryCodeV2 as string | null | undefined) === countryCode &&
    (shipping.province ?? null) === (destination.province ?? null);
  return { countryCode, provinceCode: sameAddress ? (shipping.provinceCode ?? null) : null };
}

/**
 * Assigned to a fulfillment service (a 3PL), from the location itself. `location` is null once
 * the location is deleted; then what Shopify allows tells: a 3PL FO offers REQUEST_FULFILLMENT and
 * never CREATE_FULFILLMENT (since 2024-10), and only 3PL FOs are ever submitted.
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/Location#field-Location.fields.isFulfillmentService
 */
export function isThirdParty(fo: {
  assignedLocation: { location?: { isFulfillmentService: boolean } | null };
  supportedActions: readonly { action: string }[];
  requestStatus: string;
}): boolean {
  const known = fo.assignedLocation.location?.isFulfillmentService;
  if (typeof known === "boolean") return known;
  const actions = fo.supportedActions.map((a) => a.action);
  if (actions.includes("CREATE_FULFILLMENT")) return false;
  return actions.includes("REQUEST_FULFILLMENT") || fo.requestStatus !== "UNSUBMITTED";
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/**
 * Why the 3PL turned the request down. `fulfillmentOrderRejectFulfillmentRequest` takes a reason
 * and a message (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrderRejectFulfillmentRequest);
 * the Admin API hands the service's answer back only as the request's untyped `responseData`
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrderMerchantRequest#field-responseData),
 * whose shape the docs don't give: read defensively, anything unexpected is "no reason given".
 */
function rejectionOf(fo: Pick<FulfillmentOrderNode, "requestStatus" | "merchantRequests">): {
  reason: string | null;
  message: string | null;
} {
  const data: unknown = fo.requestStatus === "REJECTED" ? fo.merchantRequests.nodes.at(-1)?.responseData : null;
  if (typeof data !== "object" || data === null) return { reason: null, message: null };
  const { reason, message } = data as Record<string, unknown>;
  return { reason: text(reason), message: text(message)?.slice(0, 1_000) ?? null };
}

export function toFulfillmentOrderSnapshot(
  fo: FulfillmentOrderNode,
  shippingAddress: ShippingAddressNode | null = null,
): FulfillmentOrderSnapshot {
  const rejection = rejectionOf(fo);
  const destination = destinationOf(fo, shippingAddress);
  return {
    id: fo.id,
    status: fo.status,
    requestStatus: fo.requestStatus,
    deliveryMethod: fo.deliveryMethod?.methodType ?? null,
    locationId: fo.assignedLocation.location?.id ?? null,
    locationName: fo.assignedLocation.name,
    destinationCountryCode: destination.countryCode,
    destinationProvinceCode: destination.provinceCode,
    thirdParty: isThirdParty(fo),
    supportedActions: fo.supportedActions.map((a) => ({ action: a.action, externalUrl: a.externalUrl ?? null })),
    holds: fo.fulfillmentHolds.map((h) => ({
      id: h.id,
      reason: h.reason,
      reasonNotes: h.reasonNotes ?? null,
      handle: h.handle ?? null,
      heldByAppId: h.heldByApp?.id ?? null,
      heldByAppTitle: h.heldByApp?.title ?? null,
      heldByRequestingApp: h.heldByRequestingApp,
    })),
    lineItems: fo.lineItems.nodes.map(toLineSnapshot),
    fulfillAt: fo.fulfillAt ?? null,
    rejectionReason: rejection.reason,
    rejectionMessage: rejection.message,
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
  };
}

export function toOrderSnapshot(order: OrderNode, fulfillmentOrders: FulfillmentOrderSnapshot[]): OrderSnapshot {
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt ?? null,
    displayFinancialStatus: order.displayFinancialStatus ?? null,
    displayFulfillmentStatus: order.displayFulfillmentStatus ?? null,
    tags: order.tags,
    riskLevel: riskLevelOf(order.risk),
    customerId: order.customer?.id ?? null,
    customerName: order.customer?.displayName ?? null,
    totalAmount: order.totalPriceSet.shopMoney.amount,
    currencyCode: order.totalPriceSet.shopMoney.currencyCode,
    checkoutToken: order.checkoutToken ?? null,
    fulfillmentOrders,
  };
}

interface OrderFulfillmentStatePage {
  order: OrderNode;
  fulfillmentOrders: FulfillmentOrderNode[];
  nextCursor: string | null;
}

/** One page of an order's fulfillment orders; null when Shopify has no such order. */
export async function fetchOrderFulfillmentStatePage(
  graphql: AdminGraphql,
  orderId: string,
  foAfter: string | null = null,
): Promise<OrderFulfillmentStatePage | null> {
  const { data } = await runOperation<OrderFulfillmentStateQuery, OrderFulfillmentStateQueryVariables>(graphql, {
    name: "OrderFulfillmentState",
    kind: "query",
    document: ORDER_FULFILLMENT_STATE_QUERY,
    variables: { id: orderId, foAfter },
  });
  if (!data.order) return null;
  const page = data.order.fulfillmentOrders;
  return {
    order: data.order,
    fulfillmentOrders: page.nodes,
    nextCursor: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null,
  };
}
