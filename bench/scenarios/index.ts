import { baselineScenarios } from "./baseline";
import { catalogScenarios } from "./catalog";
import { ingestScenarios } from "./ingest";
import { lineageScenarios } from "./lineage";
import { pageScenarios } from "./pages";
import { portfolioScenarios } from "./portfolio";
import { promotionScenarios } from "./promotions";
import type { Scenario } from "./types";

export { planned } from "./planned";

/** Every scenario with a definition; each runs only when its endpoints exist on this checkout. */
export const allScenarios: Scenario[] = [...baselineScenarios, ...portfolioScenarios, ...catalogScenarios, ...lineageScenarios, ...promotionScenarios, ...ingestScenarios, ...pageScenarios];
