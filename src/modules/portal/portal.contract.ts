import { z } from 'zod';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { zId } from '../../shared/schemas';

/** mine: what I registered for (and what was cancelled on me); near: open activities of my town in the next 7 days. */
export const ZMyActivityQuery = ZPageQuery.extend({ scope: z.enum(['mine', 'near']).default('mine') });
export type MyActivityQuery = z.infer<typeof ZMyActivityQuery>;

export const ZMyActivity = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.string(),
  form: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  centreName: z.string(),
  status: z.string(),
  cancelReason: z.string().nullable(),
  capacity: z.number().int().nullable(),
  registeredCount: z.number().int(),
  hours: z.number(),
  myRegistration: z.enum(['registered', 'waitlisted', 'cancelled']).nullable(),
  notice: z
    .string()
    .nullable()
    .describe('What the centre told me: promoted from the waiting list, or why it was cancelled'),
  mySignIn: z.enum(['confirmed', 'pending', 'rejected']).nullable(),
});
export type MyActivity = z.infer<typeof ZMyActivity>;
export const ZMyActivityPage = zPage(ZMyActivity);

export const ZMyActivityParams = z.object({ activityId: zId });
export const ZRegisterResult = z.object({ status: z.enum(['registered', 'waitlisted']) });
export const ZCancelResult = z.object({ cancelled: z.boolean() });

/** One of my sign-ins: my learning record, activity by activity. */
export const ZMySignIn = z.object({
  id: z.string(),
  activityId: z.string(),
  title: z.string(),
  theme: z.string(),
  startsAt: z.string(),
  centreName: z.string(),
  status: z.enum(['confirmed', 'pending', 'rejected']),
  signedAt: z.string(),
  hours: z.number().describe('Attended hours if checked out, else the activity’s hours'),
});
export type MySignIn = z.infer<typeof ZMySignIn>;
export const ZMySignInPage = zPage(ZMySignIn).extend({
  totals: z.object({ activities: z.number().int(), hours: z.number() }),
});
export type MySignInPage = z.infer<typeof ZMySignInPage>;
export const ZMySignInQuery = ZPageQuery;
