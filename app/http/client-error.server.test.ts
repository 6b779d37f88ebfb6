// Remix's own request handler in development mode, with this app's handleError: what reaches
// the browser when an action throws something nobody expected.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError, withoutLocalPaths } from "./client-error.server";

afterEach(() => vi.restoreAllMocks());

function buildThatThrows(error: Error, withHandleError = true): ServerBuild {
  const noComponent = () => null;
  return {
    mode: "development",
    entry: {
      module: {
        default: () => new Response("<html></html>", { headers: { "Content-Type": "text/html" } }),
        ...(withHandleError ? { handleError } : {}),
      },
    },
    routes: {
      root: {
        id: "root",
        path: "",
        module: {
          default: noComponent,
          action: () => {
            throw error;
          },
        },
      },
    },
    assets: { entry: { module: "", imports: [] }, routes: {}, url: "", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
    isSpaMode: false,
    basename: undefined,
  } as unknown as ServerBuild;
}

async function postAsFetcher(build: ServerBuild): Promise<{ status: number; text: string }> {
  const handler = createRequestHandler(build, "development");
  const response = await handler(
    new Request("http://localhost:3000/?_data=root", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=x",
    }),
  );
  return { status: response.status, text: await response.text() };
}

describe("unexpected errors in development", () => {
  it("reach the browser with their message, but no stack and no absolute path", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = new Error(`ENOENT: no such file, open '${process.cwd()}/prisma/missing.sqlite'`);

    const { status, text } = await postAsFetcher(buildThatThrows(error));

    expect(status).toBe(500);
    expect(JSON.parse(text)).toEqual({ message: "ENOENT: no such file, open './prisma/missing.sqlite'" });
    expect(text).not.toContain(process.cwd());
    // The developer still gets the whole error in the server's log.
    expect(logged).toHaveBeenCalledWith(error);
  });

  it("would carry the stack without it (what this guards against)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);

    const { text } = await postAsFetcher(buildThatThrows(new Error("boom"), false));

    expect(text).toContain(process.cwd());
  });

  it("strips file URLs of the project too", () => {
    expect(withoutLocalPaths(`at file://${process.cwd()}/app/x.ts:1:2`)).toBe("at ./app/x.ts:1:2");
  });
});
