import { ensureBuild } from "./portal";

/** The production build the fault tests serve, built once per run. */
export default function setup(): void {
  ensureBuild();
}
