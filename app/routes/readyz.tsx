// GET /readyz: database and job queue reachable (200), or which one is not (503).
import { readinessResponse, probeMethodNotAllowed } from "~/probes/readiness.server";

export const loader = () => readinessResponse();
export const action = () => probeMethodNotAllowed();
