// GET /healthz: the web process is alive (app/probes/readiness.server.ts). No auth, no database.
import { livenessResponse, probeMethodNotAllowed } from "~/probes/readiness.server";

export const loader = () => livenessResponse();
export const action = () => probeMethodNotAllowed();
