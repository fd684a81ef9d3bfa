import { catalogScenarios } from "./catalog";
import { ingestScenarios } from "./ingest";
import { pageScenarios } from "./pages";
import type { Scenario } from "./types";

export { planned } from "./planned";

/** Every scenario with a definition; each runs only when its endpoints exist on this checkout. */
export const allScenarios: Scenario[] = [...catalogScenarios, ...ingestScenarios, ...pageScenarios];
