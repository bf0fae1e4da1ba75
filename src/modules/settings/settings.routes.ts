import { route, type RouteApp } from '../../server/route';
import { settingsApi } from './settings.contract';
import { getSettings, updateSettings } from './settings.service';

export const settingsRoutes = async (app: RouteApp) => {
  route(app, settingsApi.get, () => getSettings(app.database.db));
  route(app, settingsApi.update, (req) => updateSettings({ db: app.database.db, actor: req.actor!, input: req.body }));
};
