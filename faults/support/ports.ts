// Ports of the fault suite: the portal on 3910-3919, its own PostgreSQL on 26910-26919.
// FAULTS_PORT_OFFSET moves them all (e.g. two runs side by side).
const offset = Number(process.env.FAULTS_PORT_OFFSET ?? 0);
export const ownOr = (port: number) => port + offset;
