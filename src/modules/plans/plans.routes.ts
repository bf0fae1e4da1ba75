import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { plansApi } from './plans.contract';
import { createPlanItem, findVersus, getPlan, removePlanItem, updatePlanItem } from './plans.service';
import { createScheduleItem, getSchedule, removeScheduleItem, updateScheduleItem } from './schedule.service';

/** Centres' annual plans, the towns' 配档表, and plan versus actual: each endpoint as its contract declares it. */
export const planRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, plansApi.plan, (req) => getPlan({ ...ctx(req), centreId: req.query.centreId, year: req.query.year }));
  route(app, plansApi.create, (req) => createPlanItem({ ...ctx(req), input: req.body }));
  route(app, plansApi.update, async (req) => {
    await updatePlanItem({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });
  route(app, plansApi.remove, async (req) => {
    await removePlanItem({ ...ctx(req), id: req.params.id });
    return OK;
  });

  route(app, plansApi.schedule, (req) => getSchedule({ ...ctx(req), townId: req.query.townId, year: req.query.year }));
  route(app, plansApi.createWork, (req) => createScheduleItem({ ...ctx(req), input: req.body }));
  route(app, plansApi.updateWork, async (req) => {
    await updateScheduleItem({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });
  route(app, plansApi.removeWork, async (req) => {
    await removeScheduleItem({ ...ctx(req), id: req.params.id });
    return OK;
  });

  route(app, plansApi.versus, (req) => findVersus({ ...ctx(req), query: req.query }));
};
