import "server-only";
import { createAirflow2Client } from "./airflow2-client";
import { createAirflow3Client } from "./airflow3-client";
import type { AirflowConfig, AirflowOptions, OrchestratorClient } from "./types";

/** The orchestrator client for a configured Airflow, 2 (/api/v1, basic auth) or 3 (/api/v2, JWT). */
export function createAirflowClient(config: AirflowConfig, options: AirflowOptions = {}): OrchestratorClient {
  if (config.version === 2) return createAirflow2Client(config, options);
  return createAirflow3Client(config, options);
}

export type * from "./types";
export { FINAL_STATES } from "./types";
