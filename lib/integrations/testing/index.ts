// Fakes of lakeFS, MLflow and Airflow at their HTTP boundary, for integration tests and demo mode.
// Nothing here imports vitest or server-only: scripts and the demo server may import it directly.
export { AirflowFake, type AirflowFakeOptions } from "./airflow-fake";
export { startDemoIntegrations, type DemoIntegrations, type DemoOptions } from "./demo";
export { FakeServer, type Fault, type LoggedRequest, type Route } from "./fake-server";
export { LakefsFake, type LakefsFakeOptions } from "./lakefs-fake";
export { MlflowFake } from "./mlflow-fake";
export { SPECS, startPrism, type PrismMock } from "./prism";
export { specProblems } from "./spec-validation";
