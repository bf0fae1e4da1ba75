import { route, type RouteApp } from '../../server/route';
import { indicatorsApi } from './indicators.contract';
import { findIndicators, findTargets, setTargets } from './indicators.service';

/** The indicators (指标) and the county's targets: each endpoint as its contract declares it. */
export const indicatorRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;
  route(app, indicatorsApi.report, (req) => findIndicators({ db: db(), actor: req.actor!, query: req.query }));
  route(app, indicatorsApi.targets, (req) =>
    findTargets({ db: db(), actor: req.actor!, countyId: req.params.countyId, year: req.query.year }),
  );
  route(app, indicatorsApi.setTargets, async (req) => {
    await setTargets({ db: db(), actor: req.actor!, countyId: req.params.countyId, ...req.body });
    return { ok: true as const };
  });
};
