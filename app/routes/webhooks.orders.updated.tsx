// Every topic's route is the same ingest; the web entry serves it without Remix's routing
// (docs/decisions/0047-webhooks-skip-remix-routing.md).
export { webhookAction as action, webhookAction as loader } from "~/webhooks/ingest.server";
