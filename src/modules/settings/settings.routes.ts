import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSettings } from './settings.contract';
import { getSettings, updateSettings } from './settings.service';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings',
    {
      config: { policy: { roles: ['system_admin'] } },
      schema: { tags: ['settings'], summary: 'System settings', response: { 200: ZSettings } },
    },
    async () => getSettings(app.database.db),
  );

  app.put(
    '/api/settings',
    {
      config: { policy: { roles: ['system_admin'] } },
      schema: { tags: ['settings'], summary: 'Change system settings', body: ZSettings, response: { 200: ZSettings } },
    },
    async (req) => updateSettings({ db: app.database.db, actor: req.actor!, input: req.body }),
  );
};
