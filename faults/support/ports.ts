// Ports of the fault suite, one block of 20 from FAULTS_PORT_BASE (default 3910): each
// test file takes its own slot for the portal, and its own PostgreSQL (when it crashes
// one) at slot + 10. Fakes of outside systems bind port 0. Two runs side by side (or
// helpers sharing a machine) set different bases.
const BASE = Number(process.env.FAULTS_PORT_BASE ?? 3910);
if (!Number.isInteger(BASE) || BASE < 1024 || BASE > 65_000) throw new Error(`FAULTS_PORT_BASE must be a port number, not ${process.env.FAULTS_PORT_BASE}`);

/** The portal port of a test file's slot (0-9). */
export const portalPort = (slot: number) => BASE + slot;
/** The port of a test file's own PostgreSQL (slot 0-9). */
export const postgresPort = (slot: number) => BASE + 10 + slot;
