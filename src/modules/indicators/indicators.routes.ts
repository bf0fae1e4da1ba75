import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { indicatorsApi } from './indicators.contract';
import { findIndicators, findTargets, setTargets } from './indicators.service';

/** The indicators (指标) and the county's targets: each endpoint as its contract declares it. */
export const indicatorRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);
  route(app, indicatorsApi.report, (req) => findIndicators({ ...ctx(req), query: req.query }));
  route(app, indicatorsApi.targets, (req) =>
    findTargets({ ...ctx(req), countyId: req.params.countyId, year: req.query.year }),
  );
  route(app, indicatorsApi.setTargets, async (req) => {
    await setTargets({ ...ctx(req), countyId: req.params.countyId, ...req.body });
    return OK;
  });
};
