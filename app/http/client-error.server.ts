// What an unexpected server error shows the client. Remix sends a thrown Error's message and
// stack to the browser when it runs in development mode (the demo and `shopify app dev` both
// do), and a stack is a map of the machine: absolute paths, module layout. Remix calls
// `handleError` (app/entry.server.tsx) before it serializes the error, so that is where the
// full error is logged for the developer and the client's copy is stripped. In production
// Remix already replaces it with "Unexpected Server Error".
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The message without the project's absolute path (file URLs included). */
export function withoutLocalPaths(message: string, root: string = process.cwd()): string {
  return message.replace(new RegExp(`(?:file://)?${escapeRegExp(root)}`, "g"), ".");
}

/** Leaves the error safe to serialize: no stack, no local paths in the message. */
function stripForClient(error: unknown): void {
  if (!(error instanceof Error)) return;
  error.message = withoutLocalPaths(error.message);
  error.stack = undefined;
  if (error.cause instanceof Error) stripForClient(error.cause);
}

/** Remix's handleError: log the whole error on the server, then strip what the client gets. */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs): void {
  if (request.signal.aborted) return;
  console.error(error);
  stripForClient(error);
}
