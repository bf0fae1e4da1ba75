// The reports module's public surface: monthly reports (月报) and annual summaries. It registers
// what waits for a user in the workbench (src/server/waiting.ts); the routes plugin is loaded by
// src/server/modules.ts itself.
import { registerWaiting } from '../../server/waiting';
import { waitingReports } from './report-waiting';

registerWaiting('reports', waitingReports);

// Its routes, registered by src/server/modules.ts.
export { reportRoutes } from './reports.routes';
