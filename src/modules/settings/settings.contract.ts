import { z } from 'zod';

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
