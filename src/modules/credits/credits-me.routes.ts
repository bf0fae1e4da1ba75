import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../shared/app-error';
import { ZPageQuery } from '../../shared/pagination';
import { ZLearningRecord, ZMyCredits, ZRedeem, ZRedeemed, ZRedemptionPage, ZRewardPage } from './credits.contract';
import { loadResident, pageOfEntries, totalsOf } from './credit-accounts.service';
import { creditRedemptions } from './credit-bank.table';
import { buildLearningRecord } from './learning-record.service';
import { pageOfRedemptions, redeemForSelf } from './redemption.service';
import { rewardsFor } from './rewards.service';

/** The resident's own credits on their phone (resident session: `req.resident`). */
export const creditMeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['credits (resident)'];
  const policy = { resident: true as const };
  const me = async (id: string) => {
    const r = await loadResident(db(), id);
    if (!r || r.anonymized) throw new AppError('UNAUTHENTICATED');
    return r;
  };

  app.get(
    '/api/me/credits',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'My balance (from the ledger), earned, spent, and my entries, newest first',
        querystring: ZPageQuery,
        response: { 200: ZMyCredits },
      },
    },
    async (req) => {
      const r = await me(req.resident!.residentId);
      return {
        ...(await totalsOf(db(), r.id)),
        ...(await pageOfEntries(db(), r.id, req.query.page, req.query.pageSize, false)),
      };
    },
  );

  app.get(
    '/api/me/learning-record',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'My learning record (学习档案): activities attended, hours, credits',
        response: { 200: ZLearningRecord },
      },
    },
    async (req) => buildLearningRecord(db(), await me(req.resident!.residentId)),
  );

  app.get(
    '/api/me/rewards',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Rewards offered to me (by my county or town) that are on offer',
        querystring: ZPageQuery,
        response: { 200: ZRewardPage },
      },
    },
    async (req) => rewardsFor(db(), await me(req.resident!.residentId), null, req.query.page, req.query.pageSize),
  );

  app.get(
    '/api/me/redemptions',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'My redemptions, newest first',
        querystring: ZPageQuery,
        response: { 200: ZRedemptionPage },
      },
    },
    async (req) =>
      pageOfRedemptions(
        db(),
        null,
        eq(creditRedemptions.residentId, (await me(req.resident!.residentId)).id),
        req.query.page,
        req.query.pageSize,
      ),
  );

  app.post(
    '/api/me/redemptions',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Redeem a reward with my credits (balance and stock checked in one transaction)',
        body: ZRedeem,
        response: { 201: ZRedeemed },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await redeemForSelf({
          db: db(),
          residentId: (await me(req.resident!.residentId)).id,
          rewardId: req.body.rewardId,
        }),
      ),
  );
};
