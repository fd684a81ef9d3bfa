// Ports the integration tests of lib/integrations use (this area's block: 3700-3799), fixed per
// test file so that files running in parallel never collide.
export const INTEGRATION_TEST_PORTS = {
  prismLakefs: 3700,
  prismAirflowV1: 3701,
  prismAirflowV2: 3702,
  /** Nothing ever listens here: calls get "connection refused". */
  refused: 3799,
  lakefsFakes: { from: 3710, to: 3729 },
  airflowFakes: { from: 3730, to: 3749 },
  mlflowFakes: { from: 3750, to: 3769 },
  coreFakes: { from: 3770, to: 3789 },
} as const;
