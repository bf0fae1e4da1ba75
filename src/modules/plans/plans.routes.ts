import { route, type RouteApp } from '../../server/route';
import { plansApi } from './plans.contract';
import { createPlanItem, findVersus, getPlan, removePlanItem, updatePlanItem } from './plans.service';
import { createScheduleItem, getSchedule, removeScheduleItem, updateScheduleItem } from './schedule.service';

const ok = { ok: true as const };

/** Centres' annual plans, the towns' 配档表, and plan versus actual: each endpoint as its contract declares it. */
export const planRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, plansApi.plan, (req) =>
    getPlan({ db: db(), actor: req.actor!, centreId: req.query.centreId, year: req.query.year }),
  );
  route(app, plansApi.create, (req) => createPlanItem({ db: db(), actor: req.actor!, input: req.body }));
  route(app, plansApi.update, async (req) => {
    await updatePlanItem({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return ok;
  });
  route(app, plansApi.remove, async (req) => {
    await removePlanItem({ db: db(), actor: req.actor!, id: req.params.id });
    return ok;
  });

  route(app, plansApi.schedule, (req) =>
    getSchedule({ db: db(), actor: req.actor!, townId: req.query.townId, year: req.query.year }),
  );
  route(app, plansApi.createWork, (req) => createScheduleItem({ db: db(), actor: req.actor!, input: req.body }));
  route(app, plansApi.updateWork, async (req) => {
    await updateScheduleItem({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return ok;
  });
  route(app, plansApi.removeWork, async (req) => {
    await removeScheduleItem({ db: db(), actor: req.actor!, id: req.params.id });
    return ok;
  });

  route(app, plansApi.versus, (req) => findVersus({ db: db(), actor: req.actor!, query: req.query }));
};
