import { route, staffCtx, type RouteApp } from '../../server/route';
import { themesApi } from './themes.contract';
import { getThemeList, updateThemes } from './themes.service';

/** The county's theme list: each endpoint as its contract declares it. */
export const themeRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, themesApi.list, (req) => getThemeList({ ...ctx(req), countyId: req.query.countyId }));
  route(app, themesApi.update, async (req) => {
    await updateThemes({ ...ctx(req), countyId: req.params.countyId, input: req.body });
    return getThemeList({ ...ctx(req), countyId: req.params.countyId });
  });
};
