// Who may drive the demo's simulator (POST /demo/simulator): the demo page itself. A page on
// another origin could otherwise create orders or ship as the 3PL with a simple form post, and
// a DNS-rebound name would pass a same-host check; so the request must carry the demo's own
// origin (browsers always send Origin on a POST) and a JSON body, which no plain HTML form can
// send cross-origin without a CORS preflight this route never answers. Pure.

/** The names a browser on this machine may have used for the demo: the app URL's and its loopback twins. */
function demoOrigins(appUrl: string): string[] {
  const { protocol, port } = new URL(appUrl);
  const suffix = port ? `:${port}` : "";
  return [
    ...new Set([
      new URL(appUrl).origin,
      ...["localhost", "127.0.0.1", "[::1]"].map((h) => `${protocol}//${h}${suffix}`),
    ]),
  ];
}

type DemoCommandRefusal = { status: 403 | 415; error: string } | null;

export function refuseDemoCommandRequest(request: Request, appUrl: string): DemoCommandRefusal {
  const origin = request.headers.get("Origin");
  if (!origin || !demoOrigins(appUrl).includes(origin)) {
    return { status: 403, error: "The demo's simulator takes commands from the demo page only." };
  }
  const contentType = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") {
    return { status: 415, error: "Send the command as JSON (Content-Type: application/json)." };
  }
  return null;
}
