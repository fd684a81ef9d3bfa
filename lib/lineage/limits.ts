/** One event larger than this is refused (413) even inside a batch under the body limit. */
export const MAX_EVENT_BYTES = 5 * 1024 * 1024;
/** The lineage route's body limit: large enough for batch imports. */
export const MAX_BATCH_BYTES = 10 * 1024 * 1024;
export const MAX_BATCH_EVENTS = 10_000;
