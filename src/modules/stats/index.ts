// The stats module's public surface: the kept statistics (统计表) that indicators, dashboards and
// reports read. The figures are kept by database triggers (migration 0013); this module reads them,
// rebuilds them and checks them against a recomputation.
export {
  groupFigures,
  heldByMonth,
  monthPeriod,
  nodeFigures,
  rebuildStats,
  statsDifferences,
  themeFigures,
  unitFigures,
  yearPeriod,
  type NodeFigures,
  type Period,
} from './stats.service';
