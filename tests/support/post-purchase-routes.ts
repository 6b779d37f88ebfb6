// The extension's fetch to the app's /post-purchase/* endpoints, answered in process by the
// app's real route modules (the demo goes over HTTP instead: postOverHttp).
import type { ActionFunctionArgs } from "@remix-run/node";
import { action as decisionAction } from "~/routes/post-purchase.decision";
import { action as offerAction } from "~/routes/post-purchase.offer";
import { action as signAction } from "~/routes/post-purchase.sign-changeset";
import type { PostToApp } from "../../simulator/post-purchase-buyer";

type Action = (args: ActionFunctionArgs) => Promise<Response>;
const ROUTES: Record<string, Action> = {
  "/post-purchase/offer": offerAction,
  "/post-purchase/sign-changeset": signAction,
  "/post-purchase/decision": decisionAction,
};

export const postToRoutes: PostToApp = async (path, body) => {
  const request = new Request(`https://fulfillment-desk.test${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: "https://checkout.shopify.com" },
    body: JSON.stringify(body),
  });
  const response = await ROUTES[path]!({ request, params: {}, context: {} });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
};
