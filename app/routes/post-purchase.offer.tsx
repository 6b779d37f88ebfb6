// POST /post-purchase/offer, called by the post-purchase checkout extension (README.md#post-purchase-upsell).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handlePostPurchase } from "~/post-purchase/endpoints.server";

export const action = ({ request }: ActionFunctionArgs) => handlePostPurchase(request, "offer");
export const loader = ({ request }: LoaderFunctionArgs) => handlePostPurchase(request, "offer");
