import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPageQuery } from '../../shared/pagination';
import { ROLES } from '../../shared/roles';
import {
  CREDIT_STAFF_ROLES,
  REWARD_ROLES,
  RULE_ROLES,
  ZAccountPage,
  ZAccountQuery,
  ZAccountSummary,
  ZAward,
  ZCountyParams,
  ZEntryPage,
  ZEntryParams,
  ZIdParams,
  ZLearningRecord,
  ZReason,
  ZRedeem,
  ZRedeemed,
  ZRedemptionPage,
  ZRedemptionQuery,
  ZResidentParams,
  ZRewardInput,
  ZRewardPage,
  ZRewardQuery,
  ZRules,
  ZRulesUpdate,
} from './credits.contract';
import { awardCredits, findAccounts, findEntries, getAccount, reverseEntry } from './credit-accounts.service';
import { getRules, setRules } from './credit-rules';
import { creditMeRoutes } from './credits-me.routes';
import { getLearningRecord } from './learning-record.service';
import { cancelRedemption, findRedemptions, redeemAtCounter } from './redemption.service';
import { createReward, findRewards, updateReward } from './rewards.service';

const ZOk = z.object({ ok: z.literal(true) });

/** The credit bank for staff: rules, residents' accounts and learning records, rewards, redemptions. */
export const creditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['credits'];
  const keepers = { roles: CREDIT_STAFF_ROLES };

  app.get(
    '/api/credit-rules/:countyId',
    {
      config: { policy: { roles: ROLES } },
      schema: {
        tags,
        summary:
          'Credit rules of a county: per theme credits per hour and when paid (defaults where none), and the volunteer rate',
        params: ZCountyParams,
        response: { 200: ZRules },
      },
    },
    async (req) => getRules({ db: db(), actor: req.actor!, countyId: req.params.countyId }),
  );

  app.put(
    '/api/credit-rules/:countyId',
    {
      config: { policy: { roles: RULE_ROLES } },
      schema: {
        tags,
        summary: 'Set the credit rules of a county (county admins); audited',
        params: ZCountyParams,
        body: ZRulesUpdate,
        response: { 200: ZRules },
      },
    },
    async (req) => {
      await setRules({ db: db(), actor: req.actor!, countyId: req.params.countyId, input: req.body });
      return getRules({ db: db(), actor: req.actor!, countyId: req.params.countyId });
    },
  );

  app.get(
    '/api/credit-accounts',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Residents I keep, with their credit balance',
        querystring: ZAccountQuery,
        response: { 200: ZAccountPage },
      },
    },
    async (req) => findAccounts({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/credit-accounts/:residentId',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'A resident’s balance, earned and spent (derived from the ledger)',
        params: ZResidentParams,
        response: { 200: ZAccountSummary },
      },
    },
    async (req) => getAccount({ db: db(), actor: req.actor!, residentId: req.params.residentId }),
  );

  app.get(
    '/api/credit-accounts/:residentId/entries',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'A resident’s ledger entries, newest first',
        params: ZResidentParams,
        querystring: ZPageQuery,
        response: { 200: ZEntryPage },
      },
    },
    async (req) => findEntries({ db: db(), actor: req.actor!, residentId: req.params.residentId, ...req.query }),
  );

  app.get(
    '/api/credit-accounts/:residentId/record',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: '学习档案: activities attended, hours and credits (printable)',
        params: ZResidentParams,
        response: { 200: ZLearningRecord },
      },
    },
    async (req) => getLearningRecord({ db: db(), actor: req.actor!, residentId: req.params.residentId }),
  );

  app.post(
    '/api/credit-accounts/:residentId/awards',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Award credits by hand, with the reason; audited',
        params: ZResidentParams,
        body: ZAward,
        response: { 201: z.object({ id: z.number().int() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await awardCredits({ db: db(), actor: req.actor!, residentId: req.params.residentId, input: req.body })),
  );

  app.post(
    '/api/credit-accounts/:residentId/redemptions',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary:
          'Redeem a reward for the resident at the centre counter (balance and stock checked in one transaction)',
        params: ZResidentParams,
        body: ZRedeem,
        response: { 201: ZRedeemed },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await redeemAtCounter({
          db: db(),
          actor: req.actor!,
          residentId: req.params.residentId,
          rewardId: req.body.rewardId,
        }),
      ),
  );

  app.post(
    '/api/credit-entries/:id/reverse',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Correct an entry with a reversing entry (once); a redemption’s entry cancels the redemption',
        params: ZEntryParams,
        body: ZReason,
        response: { 201: z.object({ id: z.number().int() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await reverseEntry({ db: db(), actor: req.actor!, id: req.params.id, input: req.body })),
  );

  app.get(
    '/api/credit-rewards',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Rewards I keep or may redeem; with forResidentId, those offered to that resident',
        querystring: ZRewardQuery,
        response: { 200: ZRewardPage },
      },
    },
    async (req) => findRewards({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.post(
    '/api/credit-rewards',
    {
      config: { policy: { roles: REWARD_ROLES } },
      schema: {
        tags,
        summary: 'Add a reward offered by a county or town',
        body: ZRewardInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createReward({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/credit-rewards/:id',
    {
      config: { policy: { roles: REWARD_ROLES } },
      schema: {
        tags,
        summary: 'Edit a reward: name, cost, stock, on offer or not',
        params: ZIdParams,
        body: ZRewardInput,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await updateReward({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/credit-redemptions',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Redemptions of residents I keep, newest first',
        querystring: ZRedemptionQuery,
        response: { 200: ZRedemptionPage },
      },
    },
    async (req) => findRedemptions({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.post(
    '/api/credit-redemptions/:id/cancel',
    {
      config: { policy: keepers },
      schema: {
        tags,
        summary: 'Cancel a redemption: the entry is reversed and the reward goes back in stock',
        params: ZIdParams,
        body: ZReason,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await cancelRedemption({ db: db(), actor: req.actor!, id: req.params.id, reason: req.body.reason });
      return { ok: true as const };
    },
  );

  await creditMeRoutes(app, {});
};
