import { route, type RouteApp } from '../../server/route';
import { awardCredits, findAccounts, findEntries, getAccount, reverseEntry } from './credit-accounts.service';
import { getRules, setRules } from './credit-rules';
import { creditsApi } from './credits.contract';
import { cancelRedemption, findRedemptions, redeemAtCounter } from './redemption.service';
import { createReward, findRewards, updateReward } from './rewards.service';

/** The credit bank for staff: each endpoint as its contract declares it (the resident's own: portal). */
export const creditRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, creditsApi.rules, (req) => getRules({ db: db(), actor: req.actor!, countyId: req.params.countyId }));
  route(app, creditsApi.setRules, async (req) => {
    await setRules({ db: db(), actor: req.actor!, countyId: req.params.countyId, input: req.body });
    return getRules({ db: db(), actor: req.actor!, countyId: req.params.countyId });
  });
  route(app, creditsApi.accounts, (req) => findAccounts({ db: db(), actor: req.actor!, query: req.query }));
  route(app, creditsApi.account, (req) =>
    getAccount({ db: db(), actor: req.actor!, residentId: req.params.residentId }),
  );
  route(app, creditsApi.entries, (req) =>
    findEntries({ db: db(), actor: req.actor!, residentId: req.params.residentId, ...req.query }),
  );
  route(app, creditsApi.award, (req) =>
    awardCredits({ db: db(), actor: req.actor!, residentId: req.params.residentId, input: req.body }),
  );
  route(app, creditsApi.redeemAtCounter, (req) =>
    redeemAtCounter({ db: db(), actor: req.actor!, residentId: req.params.residentId, rewardId: req.body.rewardId }),
  );
  route(app, creditsApi.reverse, (req) =>
    reverseEntry({ db: db(), actor: req.actor!, id: req.params.id, input: req.body }),
  );
  route(app, creditsApi.rewards, (req) => findRewards({ db: db(), actor: req.actor!, query: req.query }));
  route(app, creditsApi.createReward, (req) => createReward({ db: db(), actor: req.actor!, input: req.body }));
  route(app, creditsApi.updateReward, async (req) => {
    await updateReward({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return { ok: true as const };
  });
  route(app, creditsApi.redemptions, (req) => findRedemptions({ db: db(), actor: req.actor!, query: req.query }));
  route(app, creditsApi.cancelRedemption, async (req) => {
    await cancelRedemption({ db: db(), actor: req.actor!, id: req.params.id, reason: req.body.reason });
    return { ok: true as const };
  });
};
