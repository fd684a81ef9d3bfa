import { catalogScenarios } from "./catalog";
import { pageScenarios } from "./pages";
import type { Scenario } from "./types";

export { planned } from "./planned";

/** Every scenario with a definition; each runs only when its endpoints exist on this checkout. */
export const allScenarios: Scenario[] = [...catalogScenarios, ...pageScenarios];
