import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { indicatorsApi } from './indicators.contract';
import { sendDownload } from '../../server/download';
import { dashboardWorkbook, findDashboard } from './indicators.dashboard';
import { findRecords, recordsWorkbook } from './indicators.records';
import { findIndicators, findTargets, setTargets } from './indicators.service';

/** A workbook sent as a download under its name. */
const xlsx = (reply: Parameters<typeof sendDownload>[0], { file, name }: { file: Buffer; name: string }) =>
  sendDownload(reply, { type: indicatorsApi.dashboardExport.produces, name, data: file });

/** The indicators (指标) and the county's targets: each endpoint as its contract declares it. */
export const indicatorRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);
  route(app, indicatorsApi.report, (req) => findIndicators({ ...ctx(req), query: req.query }));
  route(app, indicatorsApi.records, (req) => findRecords({ ...ctx(req), query: req.query }));
  route(app, indicatorsApi.recordsExport, async (req, reply) =>
    xlsx(reply, await recordsWorkbook({ ...ctx(req), query: req.query })),
  );
  route(app, indicatorsApi.dashboard, (req) => findDashboard({ ...ctx(req), query: req.query }));
  route(app, indicatorsApi.dashboardExport, async (req, reply) =>
    xlsx(reply, await dashboardWorkbook({ ...ctx(req), query: req.query })),
  );
  route(app, indicatorsApi.targets, (req) =>
    findTargets({ ...ctx(req), countyId: req.params.countyId, year: req.query.year }),
  );
  route(app, indicatorsApi.setTargets, async (req) => {
    await setTargets({ ...ctx(req), countyId: req.params.countyId, ...req.body });
    return OK;
  });
};
