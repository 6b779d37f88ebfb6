import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ingestWebhook } from "~/webhooks/ingest.server";

export const action = ({ request }: ActionFunctionArgs) => ingestWebhook(request);
export const loader = ({ request }: LoaderFunctionArgs) => ingestWebhook(request);
