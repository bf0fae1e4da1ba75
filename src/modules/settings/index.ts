// The public surface of the settings module: the system settings, cached per database handle.
export { getSettings, setSettingDefaults } from './settings.service';
export type { Settings } from './settings.contract';

// Its routes, registered by src/server/modules.ts.
export { settingsRoutes } from './settings.routes';
