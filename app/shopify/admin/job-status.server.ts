import type { JobStatusQuery, JobStatusQueryVariables } from "~/types/admin.generated";
import { type AdminGraphql, runOperation } from "./run-operation.server";

// Whether an asynchronous Shopify job (e.g. the one orderCancel returns) has finished.
// https://shopify.dev/docs/api/admin-graphql/latest/queries/job
const JOB_STATUS_QUERY = `#graphql
  query JobStatus($id: ID!) {
    job(id: $id) {
      id
      done
    }
  }
` as const;

/** true when done, false while running, null when Shopify does not know the job. */
export async function readJobDone(graphql: AdminGraphql, jobId: string): Promise<boolean | null> {
  const { data } = await runOperation<JobStatusQuery, JobStatusQueryVariables>(graphql, {
    name: "JobStatus",
    kind: "query",
    document: JOB_STATUS_QUERY,
    variables: { id: jobId },
  });
  return data.job ? data.job.done : null;
}
