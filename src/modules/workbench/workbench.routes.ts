import { route, staffCtx, type RouteApp } from '../../server/route';
import { workbenchApi } from './workbench.contract';
import { getWorkbench } from './workbench.service';

/** The workbench (工作台): the first screen after login. */
export const workbenchRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);
  route(app, workbenchApi.get, (req) => getWorkbench({ ...ctx(req), query: req.query }));
};
