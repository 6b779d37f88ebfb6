import type { LoaderFunctionArgs } from "@remix-run/node";
import { demoBounceResponse } from "~/demo/demo-auth.server";
import { isDemoMode } from "~/demo/demo-mode.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  // Offline there is no App Bridge to answer the bounce page, so demo mode answers it.
  const bounce = isDemoMode() ? demoBounceResponse(request) : null;
  if (bounce) throw bounce;
  await authenticate.admin(request);
  return null;
};
