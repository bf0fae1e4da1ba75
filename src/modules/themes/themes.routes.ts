import { route, type RouteApp } from '../../server/route';
import { themesApi } from './themes.contract';
import { getThemeList, updateThemes } from './themes.service';

/** The county's theme list: each endpoint as its contract declares it. */
export const themeRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, themesApi.list, (req) => getThemeList({ db: db(), actor: req.actor!, countyId: req.query.countyId }));
  route(app, themesApi.update, async (req) => {
    await updateThemes({ db: db(), actor: req.actor!, countyId: req.params.countyId, input: req.body });
    return getThemeList({ db: db(), actor: req.actor!, countyId: req.params.countyId });
  });
};
