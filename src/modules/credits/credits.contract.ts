import { z } from 'zod';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { defineEndpoints, resourceEndpoints, rulesEndpoints, WITHOUT_PAGING, XLSX } from '../../shared/endpoint';
import { ROLES } from '../../shared/roles';
import {
  ZCountyParams,
  ZIdParams,
  ZOk,
  ZResidentIdParams,
  zBodyText,
  zId,
  zLongText,
  zSearch,
  zText,
} from '../../shared/schemas';
import { labelled, type Label } from '../../shared/locale';
import { CREDIT_STAFF_ROLES, REWARD_ROLES, RULE_ROLES } from './credits.policy';

/** Old place of the role list (people's resident drawer still imports it here): use credits.policy. */
export { CREDIT_STAFF_ROLES };

export const [GRANT_AT, GRANT_AT_LABELS] = labelled({
  sign_in: { zh: '签到时发放', en: 'When signed in' },
  done: { zh: '活动结束后发放', en: 'When the activity is done' },
});
export type GrantAt = (typeof GRANT_AT)[number];

/** The rule key of approved volunteer hours (not a theme). */
export const VOLUNTEER_RULE_KEY = '_volunteer';
/** A theme without a county rule: 1 credit per hour, paid at sign-in. */
export const DEFAULT_CREDIT_RULE = { creditsPerHour: 1, grantAt: 'sign_in' as GrantAt };
export const DEFAULT_VOLUNTEER_RATE = 1;

export const CREDIT_LIMITS = {
  rateMax: 100,
  awardMax: 1000,
  reason: 200,
  rewardName: 60,
  rewardDescription: 300,
  costMax: 100_000,
  stockMax: 100_000,
} as const;

export const [ENTRY_KINDS, ENTRY_KIND_LABELS] = labelled({
  attendance: { zh: '参加学习', en: 'Attendance' },
  resource: { zh: '线上学习', en: 'Online learning' },
  volunteer: { zh: '志愿服务', en: 'Volunteering' },
  award: { zh: '奖励', en: 'Award' },
  redeem: { zh: '兑换奖品', en: 'Reward' },
  reversal: { zh: '冲正', en: 'Reversal' },
});
export type EntryKindKey = (typeof ENTRY_KINDS)[number];

const zRate = z.number().min(0).max(CREDIT_LIMITS.rateMax).describe('Credits per hour, one decimal');

// ---- rules
export const ZRule = z.object({
  theme: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  creditsPerHour: z.number(),
  grantAt: z.enum(GRANT_AT),
  isDefault: z.boolean(),
});
export type Rule = z.infer<typeof ZRule>;
export const ZRules = z.object({
  countyId: z.string(),
  countyName: z.string(),
  canEdit: z.boolean(),
  rules: z.array(ZRule),
  volunteer: z.object({ creditsPerHour: z.number(), isDefault: z.boolean() }),
});
export type Rules = z.infer<typeof ZRules>;
export const ZRulesUpdate = z.object({
  rules: z.array(z.object({ theme: zText(24), creditsPerHour: zRate, grantAt: z.enum(GRANT_AT) })).max(100),
  volunteerPerHour: zRate,
});
export type RulesUpdate = z.infer<typeof ZRulesUpdate>;

// ---- ledger
export const ZEntry = z.object({
  id: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  amount: z.number(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  reversesId: z.number().int().nullable(),
  reversedById: z.number().int().nullable(),
  canReverse: z.boolean(),
});
export type Entry = z.infer<typeof ZEntry>;
export const ZEntryPage = zPage(ZEntry);
export type EntryPage = z.infer<typeof ZEntryPage>;

export const ZAccountQuery = ZPageQuery.extend({
  q: zSearch(40).describe('Name, pinyin or initials'),
  nodeId: zId.optional().describe('Only residents under this node'),
});
export type AccountQuery = z.infer<typeof ZAccountQuery>;
export const ZAccount = z.object({
  id: z.string().describe('The resident'),
  name: z.string(),
  nodeName: z.string(),
  balance: z.number(),
});
export type Account = z.infer<typeof ZAccount>;
export const ZAccountPage = zPage(ZAccount);

export const ZAccountSummary = z.object({
  resident: z.object({ id: z.string(), name: z.string(), nodeName: z.string(), anonymized: z.boolean() }),
  balance: z.number(),
  earned: z.number(),
  spent: z.number(),
  canAward: z.boolean(),
});
export type AccountSummary = z.infer<typeof ZAccountSummary>;
export const ZEntryParams = z.object({ id: z.coerce.number().int().positive() });

export const ZAward = z.object({
  amount: z.number().min(0.5).max(CREDIT_LIMITS.awardMax).describe('Credits to award, one decimal'),
  reason: zLongText(CREDIT_LIMITS.reason).describe('Why: shown in the ledger and the audit trail'),
});
export type Award = z.infer<typeof ZAward>;
export const ZReason = z.object({ reason: zLongText(CREDIT_LIMITS.reason) });
export type Reason = z.infer<typeof ZReason>;

// ---- rewards
export const ZReward = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  name: z.string(),
  description: z.string(),
  cost: z.number(),
  stock: z.number().int(),
  active: z.boolean(),
  canEdit: z.boolean(),
});
export type Reward = z.infer<typeof ZReward>;
export const ZRewardPage = zPage(ZReward);
export const ZRewardInput = z.object({
  nodeId: zId.describe('The county or town that offers it (residents under it may redeem)'),
  name: zText(CREDIT_LIMITS.rewardName),
  description: zBodyText(CREDIT_LIMITS.rewardDescription),
  cost: z.number().min(0.5).max(CREDIT_LIMITS.costMax),
  stock: z.number().int().min(0).max(CREDIT_LIMITS.stockMax),
  active: z.boolean().default(true),
});
export type RewardInput = z.input<typeof ZRewardInput>;
export const ZRewardQuery = ZPageQuery.extend({
  forResidentId: zId.optional().describe('Only active rewards this resident may redeem'),
});
export type RewardQuery = z.infer<typeof ZRewardQuery>;

// ---- redemptions
export const REDEMPTION_STATUSES = ['done', 'cancelled'] as const;
export const REDEMPTION_STATUS_LABELS: Record<(typeof REDEMPTION_STATUSES)[number], Label> = {
  done: { zh: '已兑换', en: 'Redeemed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};
export const ZRedeem = z.object({ rewardId: zId });
export const ZRedemption = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  nodeName: z.string(),
  rewardName: z.string(),
  cost: z.number(),
  channel: z.enum(['counter', 'self']),
  status: z.enum(REDEMPTION_STATUSES),
  handledByName: z.string().nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  canCancel: z.boolean(),
});
export type Redemption = z.infer<typeof ZRedemption>;
export const ZRedemptionPage = zPage(ZRedemption);
export const ZRedemptionQuery = ZPageQuery.extend({
  status: z.enum(REDEMPTION_STATUSES).optional(),
  residentId: zId.optional(),
});
export type RedemptionQuery = z.infer<typeof ZRedemptionQuery>;
export const ZRedeemed = z.object({ id: z.string(), balance: z.number() });

// ---- learning record (学习档案)
export const ZLearningRecord = z.object({
  resident: z.object({ id: z.string(), name: z.string(), nodeName: z.string(), countyName: z.string() }),
  items: z.array(
    z.object({
      activityId: z.string(),
      title: z.string(),
      theme: z.string(),
      themeName: z.string(),
      themeNameEn: z.string(),
      date: z.string(),
      centreName: z.string(),
      hours: z.number(),
      credits: z.number(),
    }),
  ),
  totalActivities: z.number().int(),
  totalHours: z.number(),
  totalCredits: z.number(),
  balance: z.number(),
  generatedAt: z.string(),
});
export type LearningRecord = z.infer<typeof ZLearningRecord>;

// ---- the resident's own (/api/me/...)
export const ZMyCredits = ZEntryPage.extend({ balance: z.number(), earned: z.number(), spent: z.number() });
export type MyCredits = z.infer<typeof ZMyCredits>;

const keepers = { roles: CREDIT_STAFF_ROLES };
/** A ledger entry written: its id. */
const ZEntryCreated = z.object({ id: z.number().int() });

const rewardCrud = resourceEndpoints(
  '/api/credit-rewards',
  { read: keepers, write: { roles: REWARD_ROLES } },
  {
    list: [
      'Rewards I keep or may redeem; with forResidentId, those offered to that resident',
      ZRewardQuery,
      ZRewardPage,
    ],
    create: ['Add a reward offered by a county or town', ZRewardInput],
    update: ['Edit a reward: name, cost, stock, on offer or not', ZRewardInput],
  },
);

/** The credit bank for staff: rules, residents' accounts, rewards, redemptions (the learning record: sign-in). */
export const creditsApi = defineEndpoints('credits', {
  ...rulesEndpoints(
    '/api/credit-rules/:countyId',
    ZCountyParams,
    { read: { roles: ROLES }, write: { roles: RULE_ROLES } },
    [
      'Credit rules of a county: per theme credits per hour and when paid (defaults where none), and the volunteer rate',
      ZRules,
    ],
    ['Set the credit rules of a county (county admins); audited', ZRulesUpdate, ZRules],
  ),
  accounts: {
    method: 'GET',
    path: '/api/credit-accounts',
    summary: 'Residents I keep, with their credit balance',
    policy: keepers,
    query: ZAccountQuery,
    responses: { 200: ZAccountPage },
  },
  accountsExport: {
    method: 'GET',
    path: '/api/credit-accounts/export.xlsx',
    summary: 'The credit accounts list as .xlsx with its filters (streamed); audited',
    policy: keepers,
    query: ZAccountQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  account: {
    method: 'GET',
    path: '/api/credit-accounts/:residentId',
    summary: 'A resident’s balance, earned and spent (derived from the ledger)',
    policy: keepers,
    params: ZResidentIdParams,
    responses: { 200: ZAccountSummary },
  },
  entries: {
    method: 'GET',
    path: '/api/credit-accounts/:residentId/entries',
    summary: 'A resident’s ledger entries, newest first',
    policy: keepers,
    params: ZResidentIdParams,
    query: ZPageQuery,
    responses: { 200: ZEntryPage },
  },
  award: {
    method: 'POST',
    path: '/api/credit-accounts/:residentId/awards',
    summary: 'Award credits by hand, with the reason; audited',
    policy: keepers,
    params: ZResidentIdParams,
    body: ZAward,
    responses: { 201: ZEntryCreated },
  },
  redeemAtCounter: {
    method: 'POST',
    path: '/api/credit-accounts/:residentId/redemptions',
    summary: 'Redeem a reward for the resident at the centre counter (balance and stock checked in one transaction)',
    policy: keepers,
    params: ZResidentIdParams,
    body: ZRedeem,
    responses: { 201: ZRedeemed },
  },
  reverse: {
    method: 'POST',
    path: '/api/credit-entries/:id/reverse',
    summary: 'Correct an entry with a reversing entry (once); a redemption’s entry cancels the redemption',
    policy: keepers,
    params: ZEntryParams,
    body: ZReason,
    responses: { 201: ZEntryCreated },
  },
  rewards: rewardCrud.list,
  createReward: rewardCrud.create,
  updateReward: rewardCrud.update,
  redemptions: {
    method: 'GET',
    path: '/api/credit-redemptions',
    summary: 'Redemptions of residents I keep, newest first',
    policy: keepers,
    query: ZRedemptionQuery,
    responses: { 200: ZRedemptionPage },
  },
  redemptionsExport: {
    method: 'GET',
    path: '/api/credit-redemptions/export.xlsx',
    summary: 'Redemptions as .xlsx with the list’s filters (streamed); audited',
    policy: keepers,
    query: ZRedemptionQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  cancelRedemption: {
    method: 'POST',
    path: '/api/credit-redemptions/:id/cancel',
    summary: 'Cancel a redemption: the entry is reversed and the reward goes back in stock',
    policy: keepers,
    params: ZIdParams,
    body: ZReason,
    responses: { 200: ZOk },
  },
});
