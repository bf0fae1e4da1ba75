import { z } from 'zod';
import { defineEndpoints } from '../../shared/endpoint';
import { SETTINGS_ROLES } from './settings.policy';

export const ZSettings = z.object({
  passwordMaxAgeDays: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .describe('Days after which a password must be changed; 0 turns rotation off (the default).'),
  idleTimeoutMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .describe('Minutes without activity after which a session ends.'),
});
export type Settings = z.infer<typeof ZSettings>;

export const settingsApi = defineEndpoints('settings', {
  get: {
    method: 'GET',
    path: '/api/settings',
    summary: 'System settings',
    policy: { roles: SETTINGS_ROLES },
    responses: { 200: ZSettings },
  },
  update: {
    method: 'PUT',
    path: '/api/settings',
    summary: 'Change system settings',
    policy: { roles: SETTINGS_ROLES },
    body: ZSettings,
    responses: { 200: ZSettings },
  },
});
