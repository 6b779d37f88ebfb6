import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { startBackgroundWork } from "./background.server";
import { addDocumentResponseHeaders } from "./shopify.server";

export const streamTimeout = 5000;

// Logs unexpected errors and strips their stack before Remix sends them to the browser.
export { handleError } from "./http/client-error.server";

// In development (the Vite dev server, the demo) this process also runs jobs; `npm start`
// (app/processes/web.server.ts) turns that off: production jobs run in `npm run worker`.
startBackgroundWork().catch((error) => console.error("background work failed to start", error));

// The app's modules live inside the Remix build; this module is the build's one door a custom server
// can reach (build.entry.module). app/processes/web.server.ts calls it last in a graceful shutdown.
export { closeServerResources } from "./server-resources.server";
// Through the same door the web entry finds the webhook routes it serves without Remix's routing
// (app/processes/webhook-fast-path.server.ts).
export { webhookAction } from "./webhooks/ingest.server";

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Content-Security-Policy frame-ancestors for the shop and admin.shopify.com, among others.
  addDocumentResponseHeaders(request, responseHeaders);
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
