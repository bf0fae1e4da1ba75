// The indicators module's public surface: the workbench, the dashboards, the monthly reports and
// the inspection read indicators through here.
export { findIndicators } from './indicators.service';
export type { IndicatorReport, IndicatorValue, IndicatorStatus } from './indicators.contract';
export { MEASURE_DEFS } from './indicators.measures';

// Its routes, registered by src/server/modules.ts.
export { indicatorRoutes } from './indicators.routes';
