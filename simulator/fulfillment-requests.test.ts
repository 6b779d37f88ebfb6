import { describe, expect, it } from "vitest";
import { SHOP, setupStore } from "../tests/support/simulator-fixture";

const FO_FIELDS = `id status requestStatus supportedActions { action } lineItems(first: 10) { nodes { id totalQuantity remainingQuantity } }`;
const SUBMIT = `mutation($id: ID!, $items: [FulfillmentOrderLineItemInput!], $message: String) {
  fulfillmentOrderSubmitFulfillmentRequest(id: $id, fulfillmentOrderLineItems: $items, message: $message, notifyCustomer: true) {
    originalFulfillmentOrder { ${FO_FIELDS} } submittedFulfillmentOrder { ${FO_FIELDS} } unsubmittedFulfillmentOrder { ${FO_FIELDS} }
    userErrors { field message } } }`;

function threePlOrder() {
  const ctx = setupStore();
  const order = ctx.sim.createOrder(SHOP, {
    lineItems: [
      { variantId: ctx.mug.id, quantity: 3 },
      { variantId: ctx.tee.id, quantity: 1 },
    ],
    locationId: ctx.thirdParty.id,
  });
  const fo = ctx.sim.fulfillmentOrdersOf(order.id)[0]!;
  return { ...ctx, order, fo };
}

describe("fulfillment requests to a 3PL", () => {
  it("offers REQUEST_FULFILLMENT but never CREATE_FULFILLMENT on an unsubmitted 3PL fulfillment order", async () => {
    const { gql, fo } = threePlOrder();
    const res = await gql(`query($id: ID!) { fulfillmentOrder(id: $id) { supportedActions { action externalUrl } } }`, {
      id: fo.id,
    });
    const actions = res.data.fulfillmentOrder.supportedActions.map((a: { action: string }) => a.action);
    expect(actions).toEqual(["REQUEST_FULFILLMENT", "HOLD", "MOVE", "SPLIT"]);
  });

  it("submits a whole fulfillment order with its message and emits fulfillment_request_submitted", async () => {
    const { sim, gql, fo, order } = threePlOrder();
    const res = await gql(SUBMIT, { id: fo.id, message: "Gift wrap" });
    const p = res.data.fulfillmentOrderSubmitFulfillmentRequest;
    expect(p.userErrors).toEqual([]);
    expect(p.originalFulfillmentOrder).toMatchObject({
      id: fo.id,
      status: "OPEN",
      requestStatus: "SUBMITTED",
      supportedActions: [{ action: "CANCEL_FULFILLMENT_ORDER" }],
    });
    expect(p.submittedFulfillmentOrder.id).toBe(fo.id);
    expect(p.unsubmittedFulfillmentOrder).toBeNull();
    expect(sim.getFulfillmentOrder(fo.id).merchantRequests[0]).toMatchObject({
      kind: "FULFILLMENT_REQUEST",
      message: "Gift wrap",
      requestOptions: { notify_customer: true },
    });
    expect(sim.emitted.at(-1)).toMatchObject({
      topic: "fulfillment_orders/fulfillment_request_submitted",
      payload: { submitted_fulfillment_order: { id: fo.id, request_status: "submitted" } },
    });
    const status = await gql(`query($id: ID!) { order(id: $id) { displayFulfillmentStatus } }`, { id: order.id });
    expect(status.data.order.displayFulfillmentStatus).toBe("IN_PROGRESS");
  });

  it("splits a partial request into the submitted part and an unsubmitted remainder", async () => {
    const { gql, fo } = threePlOrder();
    const mugLine = fo.lineItems[0]!;
    const res = await gql(SUBMIT, { id: fo.id, items: [{ id: mugLine.id, quantity: 2 }] });
    const p = res.data.fulfillmentOrderSubmitFulfillmentRequest;
    expect(p.userErrors).toEqual([]);
    expect(p.submittedFulfillmentOrder).toMatchObject({
      id: fo.id,
      requestStatus: "SUBMITTED",
      lineItems: { nodes: [{ id: mugLine.id, totalQuantity: 2, remainingQuantity: 2 }] },
    });
    const rest = p.unsubmittedFulfillmentOrder;
    expect(rest).toMatchObject({ status: "OPEN", requestStatus: "UNSUBMITTED" });
    expect(rest.id).not.toBe(fo.id);
    expect(rest.lineItems.nodes.map((n: { totalQuantity: number }) => n.totalQuantity)).toEqual([1, 1]);
  });

  it("resubmits part of a rejected fulfillment order, leaving an unsubmitted remainder", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.rejectFulfillmentRequest(fo.id);
    const res = await gql(SUBMIT, { id: fo.id, items: [{ id: fo.lineItems[1]!.id, quantity: 1 }] });
    const p = res.data.fulfillmentOrderSubmitFulfillmentRequest;
    expect(p.submittedFulfillmentOrder).toMatchObject({ id: fo.id, requestStatus: "SUBMITTED" });
    expect(p.unsubmittedFulfillmentOrder).toMatchObject({
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      lineItems: { nodes: [{ totalQuantity: 3 }] },
    });
  });

  it("refuses to submit an already-submitted fulfillment order, or quantities above what remains", async () => {
    const { gql, fo } = threePlOrder();
    const tooMany = await gql(SUBMIT, { id: fo.id, items: [{ id: fo.lineItems[0]!.id, quantity: 4 }] });
    expect(tooMany.data.fulfillmentOrderSubmitFulfillmentRequest.userErrors[0].field).toEqual([
      "fulfillmentOrderLineItems",
      "0",
      "quantity",
    ]);
    await gql(SUBMIT, { id: fo.id });
    const again = await gql(SUBMIT, { id: fo.id });
    expect(again.data.fulfillmentOrderSubmitFulfillmentRequest).toMatchObject({
      originalFulfillmentOrder: null,
      userErrors: [{ field: ["id"], message: "Cannot request fulfillment for the fulfillment order." }],
    });
  });

  it("refuses a fulfillment request for a merchant-managed fulfillment order", async () => {
    const { sim, gql, mug } = setupStore();
    const order = sim.createOrder(SHOP, { lineItems: [{ variantId: mug.id, quantity: 1 }] });
    const res = await gql(SUBMIT, { id: sim.fulfillmentOrdersOf(order.id)[0]!.id });
    expect(res.data.fulfillmentOrderSubmitFulfillmentRequest.userErrors).toHaveLength(1);
  });

  it("moves to IN_PROGRESS when the service accepts, and back to OPEN/REJECTED when it rejects", async () => {
    const accepted = threePlOrder();
    await accepted.gql(SUBMIT, { id: accepted.fo.id });
    accepted.sim.acceptFulfillmentRequest(accepted.fo.id, { message: "Ships tomorrow" });
    expect(accepted.sim.getFulfillmentOrder(accepted.fo.id)).toMatchObject({
      status: "IN_PROGRESS",
      requestStatus: "ACCEPTED",
    });
    expect(accepted.sim.emitted.at(-1)).toMatchObject({
      topic: "fulfillment_orders/fulfillment_request_accepted",
      payload: { message: "Ships tomorrow" },
    });

    const rejected = threePlOrder();
    await rejected.gql(SUBMIT, { id: rejected.fo.id });
    rejected.sim.rejectFulfillmentRequest(rejected.fo.id, { reason: "INVENTORY_OUT_OF_STOCK", message: "No stock" });
    const res = await rejected.gql(
      `query($id: ID!) { fulfillmentOrder(id: $id) { status requestStatus supportedActions { action } order { displayFulfillmentStatus } } }`,
      { id: rejected.fo.id },
    );
    expect(res.data.fulfillmentOrder).toEqual({
      status: "OPEN",
      requestStatus: "REJECTED",
      supportedActions: [
        { action: "REQUEST_FULFILLMENT" },
        { action: "HOLD" },
        { action: "MOVE" },
        { action: "SPLIT" },
      ],
      order: { displayFulfillmentStatus: "REQUEST_DECLINED" },
    });
  });

  it("keeps the service's per-line rejection messages as the lines' warnings", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    const [mugLine, teeLine] = fo.lineItems;
    sim.rejectFulfillmentRequest(fo.id, {
      reason: "INVENTORY_OUT_OF_STOCK",
      message: "Short on stock",
      lineItems: [{ fulfillmentOrderLineItemId: mugLine!.id, message: "No mugs until March" }],
    });
    const WARNINGS = `query($id: ID!) { fulfillmentOrder(id: $id) { requestStatus
      lineItems(first: 10) { nodes { id warnings { title description } } } } }`;
    const res = await gql(WARNINGS, { id: fo.id });
    expect(res.data.fulfillmentOrder).toEqual({
      requestStatus: "REJECTED",
      lineItems: {
        nodes: [
          { id: mugLine!.id, warnings: [{ title: null, description: "No mugs until March" }] },
          { id: teeLine!.id, warnings: [] },
        ],
      },
    });
    // A line that isn't the FO's is refused, and nothing changes.
    await gql(SUBMIT, { id: fo.id });
    expect(() =>
      sim.rejectFulfillmentRequest(fo.id, {
        lineItems: [{ fulfillmentOrderLineItemId: "gid://shopify/FulfillmentOrderLineItem/999999" }],
      }),
    ).toThrow(/not one of its line items/);
    expect(sim.getFulfillmentOrder(fo.id).requestStatus).toBe("SUBMITTED");
  });

  it("closes the fulfillment order when the 3PL ships it and marks the order fulfilled", async () => {
    const { sim, gql, fo, order, mug, thirdParty } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.acceptFulfillmentRequest(fo.id);
    sim.fulfillAsService(fo.id, { trackingNumber: "1Z999" });
    expect(sim.getFulfillmentOrder(fo.id)).toMatchObject({ status: "CLOSED", requestStatus: "ACCEPTED" });
    const res = await gql(
      `query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillments { trackingInfo { number } } } }`,
      { id: order.id },
    );
    expect(res.data.order).toEqual({
      displayFulfillmentStatus: "FULFILLED",
      fulfillments: [{ trackingInfo: [{ number: "1Z999" }] }],
    });
    expect(sim.inventoryLevel(mug.id, thirdParty.id)).toEqual({ available: 17, committed: 0 });
    expect(sim.emitted.map((e) => e.topic)).toContain("orders/fulfilled");
  });
});

describe("fulfillmentOrderClose: the service can't complete an accepted FO", () => {
  const ACTIONS = `query($id: ID!) { fulfillmentOrder(id: $id) { status requestStatus supportedActions { action } } }`;
  const MOVE = `mutation($id: ID!, $loc: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $loc) {
    movedFulfillmentOrder { id status requestStatus assignedLocation { location { id } } } userErrors { message } } }`;

  it("marks it INCOMPLETE with request status CLOSED, tells the merchant, and hands control back", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.acceptFulfillmentRequest(fo.id);
    sim.closeAsIncomplete(fo.id, { message: "Out of stock" });
    const res = await gql(ACTIONS, { id: fo.id });
    expect(res.data.fulfillmentOrder).toEqual({
      status: "INCOMPLETE",
      requestStatus: "CLOSED",
      supportedActions: [{ action: "REQUEST_FULFILLMENT" }, { action: "MOVE" }],
    });
    expect(sim.emitted.at(-1)).toMatchObject({
      topic: "fulfillment_orders/fulfillment_service_failed_to_complete",
      payload: { fulfillment_order: { id: fo.id, status: "incomplete" }, message: "Out of stock" },
    });
  });

  it("lets the merchant request fulfillment again", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.acceptFulfillmentRequest(fo.id);
    sim.closeAsIncomplete(fo.id);
    const res = await gql(SUBMIT, { id: fo.id });
    expect(res.data.fulfillmentOrderSubmitFulfillmentRequest.userErrors).toEqual([]);
    expect(sim.getFulfillmentOrder(fo.id)).toMatchObject({ status: "OPEN", requestStatus: "SUBMITTED" });
  });

  it("lets the merchant move it to another location, where it is open work", async () => {
    const { sim, gql, fo, warehouse } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.acceptFulfillmentRequest(fo.id);
    sim.closeAsIncomplete(fo.id);
    const res = await gql(MOVE, { id: fo.id, loc: warehouse.id });
    expect(res.data.fulfillmentOrderMove).toMatchObject({
      movedFulfillmentOrder: {
        status: "OPEN",
        requestStatus: "UNSUBMITTED",
        assignedLocation: { location: { id: warehouse.id } },
      },
      userErrors: [],
    });
  });

  it("refuses to close an FO whose request was never accepted", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    expect(() => sim.closeAsIncomplete(fo.id)).toThrow(/request status is SUBMITTED/);
    expect(sim.getFulfillmentOrder(fo.id).status).toBe("OPEN");
  });
});

describe("cancellation requests and fulfillmentOrderCancel", () => {
  const REQUEST_CANCEL = `mutation($id: ID!) { fulfillmentOrderSubmitCancellationRequest(id: $id, message: "Customer changed mind") {
    fulfillmentOrder { id status requestStatus } userErrors { field message } } }`;
  const CANCEL = `mutation($id: ID!) { fulfillmentOrderCancel(id: $id) {
    fulfillmentOrder { id status } replacementFulfillmentOrder { id status requestStatus } userErrors { field message code } } }`;

  it("requests cancellation of an accepted request; the service accepts and the same FO is cancelled, with no replacement", async () => {
    const { sim, gql, fo, order } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.acceptFulfillmentRequest(fo.id);
    const res = await gql(REQUEST_CANCEL, { id: fo.id });
    expect(res.data.fulfillmentOrderSubmitCancellationRequest).toEqual({
      fulfillmentOrder: { id: fo.id, status: "IN_PROGRESS", requestStatus: "CANCELLATION_REQUESTED" },
      userErrors: [],
    });
    const accepted = sim.acceptCancellationRequest(fo.id, { message: "Not shipped yet" });
    expect(accepted).toMatchObject({ id: fo.id, status: "CANCELLED", requestStatus: "CANCELLATION_ACCEPTED" });
    expect(sim.fulfillmentOrdersOf(order.id).map((f) => f.id)).toEqual([fo.id]);
    expect(sim.emitted.at(-1)).toMatchObject({
      topic: "fulfillment_orders/cancellation_request_accepted",
      payload: { fulfillment_order: { id: fo.id, status: "cancelled" } },
    });
  });

  it("keeps the fulfillment order in progress when the service rejects the cancellation", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.acceptFulfillmentRequest(fo.id);
    await gql(REQUEST_CANCEL, { id: fo.id });
    sim.rejectCancellationRequest(fo.id, { message: "Already packed" });
    expect(sim.getFulfillmentOrder(fo.id)).toMatchObject({
      status: "IN_PROGRESS",
      requestStatus: "CANCELLATION_REJECTED",
    });
    expect(sim.emitted.at(-1)?.topic).toBe("fulfillment_orders/cancellation_request_rejected");
  });

  it("refuses a cancellation request for a fulfillment order that was never accepted", async () => {
    const { gql, fo } = threePlOrder();
    const res = await gql(REQUEST_CANCEL, { id: fo.id });
    expect(res.data.fulfillmentOrderSubmitCancellationRequest).toMatchObject({
      fulfillmentOrder: null,
      userErrors: [{ field: ["id"] }],
    });
  });

  it("cancels a submitted fulfillment order: the original is closed and an open replacement holds the work", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    const res = await gql(CANCEL, { id: fo.id });
    const p = res.data.fulfillmentOrderCancel;
    expect(p.userErrors).toEqual([]);
    expect(p.fulfillmentOrder).toEqual({ id: fo.id, status: "CLOSED" });
    expect(p.replacementFulfillmentOrder).toMatchObject({ status: "OPEN", requestStatus: "UNSUBMITTED" });
    expect(sim.emitted.at(-1)).toMatchObject({
      topic: "fulfillment_orders/cancelled",
      payload: {
        fulfillment_order: { id: fo.id, status: "closed" },
        replacement_fulfillment_order: { id: p.replacementFulfillmentOrder.id, status: "open" },
      },
    });
  });

  it("cancels a fulfillment order whose cancellation request is still pending", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.acceptFulfillmentRequest(fo.id);
    await gql(REQUEST_CANCEL, { id: fo.id });
    const actions = await gql(`query($id: ID!) { fulfillmentOrder(id: $id) { supportedActions { action } } }`, {
      id: fo.id,
    });
    expect(actions.data.fulfillmentOrder.supportedActions).toEqual([{ action: "CANCEL_FULFILLMENT_ORDER" }]);
    const res = await gql(CANCEL, { id: fo.id });
    expect(res.data.fulfillmentOrderCancel).toMatchObject({
      fulfillmentOrder: { id: fo.id, status: "CLOSED" },
      userErrors: [],
    });
  });

  it("refuses fulfillmentOrderCancel on a fulfillment order that was never submitted", async () => {
    const { gql, fo } = threePlOrder();
    const res = await gql(CANCEL, { id: fo.id });
    expect(res.data.fulfillmentOrderCancel).toMatchObject({
      fulfillmentOrder: null,
      userErrors: [
        { field: ["id"], message: "Fulfillment order is not in cancelable request state and can't be canceled." },
      ],
    });
  });

  it("refuses fulfillmentOrderCancel once the service accepted the request", async () => {
    const { sim, gql, fo } = threePlOrder();
    await gql(SUBMIT, { id: fo.id });
    sim.acceptFulfillmentRequest(fo.id);
    const res = await gql(CANCEL, { id: fo.id });
    expect(res.data.fulfillmentOrderCancel).toMatchObject({ fulfillmentOrder: null, userErrors: [{ field: ["id"] }] });
  });
});
