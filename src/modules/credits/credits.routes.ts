import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { sendListExport } from '../../server/xlsx-export';
import { accountsExport, redemptionsExport } from './credits.export';
import { awardCredits, findAccounts, findEntries, getAccount, reverseEntry } from './credit-accounts.service';
import { getRules, setRules } from './credit-rules';
import { creditsApi } from './credits.contract';
import { cancelRedemption, findRedemptions, redeemAtCounter } from './redemption.service';
import { createReward, findRewards, updateReward } from './rewards.service';

/** The credit bank for staff: each endpoint as its contract declares it (the resident's own: portal). */
export const creditRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, creditsApi.rules, (req) => getRules({ ...ctx(req), countyId: req.params.countyId }));
  route(app, creditsApi.setRules, async (req) => {
    await setRules({ ...ctx(req), countyId: req.params.countyId, input: req.body });
    return getRules({ ...ctx(req), countyId: req.params.countyId });
  });
  route(app, creditsApi.accounts, (req) => findAccounts({ ...ctx(req), query: req.query }));
  route(app, creditsApi.accountsExport, (req, reply) =>
    sendListExport(reply, ctx(req), accountsExport(ctx(req), req.query)),
  );
  route(app, creditsApi.account, (req) => getAccount({ ...ctx(req), residentId: req.params.residentId }));
  route(app, creditsApi.entries, (req) =>
    findEntries({ ...ctx(req), residentId: req.params.residentId, ...req.query }),
  );
  route(app, creditsApi.award, (req) =>
    awardCredits({ ...ctx(req), residentId: req.params.residentId, input: req.body }),
  );
  route(app, creditsApi.redeemAtCounter, (req) =>
    redeemAtCounter({ ...ctx(req), residentId: req.params.residentId, rewardId: req.body.rewardId }),
  );
  route(app, creditsApi.reverse, (req) => reverseEntry({ ...ctx(req), id: req.params.id, input: req.body }));
  route(app, creditsApi.rewards, (req) => findRewards({ ...ctx(req), query: req.query }));
  route(app, creditsApi.createReward, (req) => createReward({ ...ctx(req), input: req.body }));
  route(app, creditsApi.updateReward, async (req) => {
    await updateReward({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });
  route(app, creditsApi.redemptions, (req) => findRedemptions({ ...ctx(req), query: req.query }));
  route(app, creditsApi.redemptionsExport, (req, reply) =>
    sendListExport(reply, ctx(req), redemptionsExport(ctx(req), req.query)),
  );
  route(app, creditsApi.cancelRedemption, async (req) => {
    await cancelRedemption({ ...ctx(req), id: req.params.id, reason: req.body.reason });
    return OK;
  });
};
