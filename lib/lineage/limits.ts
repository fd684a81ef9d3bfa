/** One event larger than this is refused (413) even inside a batch under the body limit. */
export const MAX_EVENT_BYTES = 5 * 1024 * 1024;
/** The lineage route's body limit: large enough for batch imports. */
export const MAX_BATCH_BYTES = 10 * 1024 * 1024;
export const MAX_BATCH_EVENTS = 10_000;
/**
 * Impact analysis walks at most this many downstream assets, nearest first, for the page and
 * its JSON. From a hub the downstream closure is most of the catalog (49,000 assets and a
 * million edges at full bench scale: seconds to walk whole), and past its first hop (2,800
 * assets) every further level reads the out-edges of the whole previous one; the answer says
 * it is truncated and the CSV export walks further.
 */
export const IMPACT_NODE_CAP = 2_000;
/** The CSV export streams every row, so it walks much further than the page (seconds from a hub). */
export const IMPACT_EXPORT_NODE_CAP = 100_000;
