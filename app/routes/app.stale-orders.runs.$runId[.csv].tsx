import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authenticate } from "~/shopify.server";
import { runReportFor } from "~/stale-orders/screen.server";

// The report of one cancellation run as CSV: /app/stale-orders/runs/:runId.csv
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const runId = z.string().min(1).safeParse(params.runId);
  const report = runId.success ? await runReportFor(session.shop, runId.data) : null;
  if (!report) return new Response("Not found", { status: 404 });
  return new Response(report.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${report.filename}"`,
    },
  });
};
