import { z } from 'zod';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { defineEndpoints } from '../../shared/endpoint';
import { ZActivityIdParams } from '../../shared/schemas';
import { ZRegisterResult } from '../activities/activities.contract';
import {
  ZLearningRecord,
  ZMyCredits,
  ZRedeem,
  ZRedeemed,
  ZRedemptionPage,
  ZRewardPage,
} from '../credits/credits.contract';
import { ZMySignInPage, ZMySignInQuery } from '../signin/signin.contract';

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

export const ZCancelResult = z.object({ cancelled: z.boolean() });

/** The resident's phone pages (/api/me/…): every endpoint is the signed-in resident's own data only. */
const me = { resident: true } as const;

export const portalApi = defineEndpoints('portal', {
  activities: {
    method: 'GET',
    path: '/api/me/activities',
    summary: 'My upcoming activities, or the open ones of my town in the next 7 days',
    policy: me,
    query: ZMyActivityQuery,
    responses: { 200: ZMyActivityPage },
  },
  register: {
    method: 'POST',
    path: '/api/me/activities/:activityId/register',
    summary: 'Register myself: a place if one is free, else the waiting list',
    policy: me,
    params: ZActivityIdParams,
    responses: { 200: ZRegisterResult },
  },
  cancel: {
    method: 'POST',
    path: '/api/me/activities/:activityId/cancel',
    summary: 'Cancel my registration (the first on the waiting list gets the place)',
    policy: me,
    params: ZActivityIdParams,
    responses: { 200: ZCancelResult },
  },
  signIns: {
    method: 'GET',
    path: '/api/me/sign-ins',
    summary: 'My sign-ins (learning record), newest first, with totals',
    policy: me,
    query: ZMySignInQuery,
    responses: { 200: ZMySignInPage },
  },
  credits: {
    method: 'GET',
    path: '/api/me/credits',
    summary: 'My balance (from the ledger), earned, spent, and my entries, newest first',
    policy: me,
    query: ZPageQuery,
    responses: { 200: ZMyCredits },
  },
  learningRecord: {
    method: 'GET',
    path: '/api/me/learning-record',
    summary: 'My learning record (学习档案): activities attended, hours, credits',
    policy: me,
    responses: { 200: ZLearningRecord },
  },
  rewards: {
    method: 'GET',
    path: '/api/me/rewards',
    summary: 'Rewards offered to me (by my county or town) that are on offer',
    policy: me,
    query: ZPageQuery,
    responses: { 200: ZRewardPage },
  },
  redemptions: {
    method: 'GET',
    path: '/api/me/redemptions',
    summary: 'My redemptions, newest first',
    policy: me,
    query: ZPageQuery,
    responses: { 200: ZRedemptionPage },
  },
  redeem: {
    method: 'POST',
    path: '/api/me/redemptions',
    summary: 'Redeem a reward with my credits (balance and stock checked in one transaction)',
    policy: me,
    body: ZRedeem,
    responses: { 201: ZRedeemed },
  },
});
