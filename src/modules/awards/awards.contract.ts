import { z } from 'zod';
import { defineEndpoints, resourceEndpoints } from '../../shared/endpoint';
import { labelled } from '../../shared/locale';
import { ZPageQuery, zList, zPage } from '../../shared/pagination';
import {
  ZIdParams,
  ZNamedRef,
  orNull,
  zDate,
  zId,
  zIds,
  zOptLongText,
  zOptText,
  zSearch,
  zText,
  zYear,
} from '../../shared/schemas';
import {
  APPROVER_ROLES,
  AWARD_READER_ROLES,
  NOMINATOR_ROLES,
  REVIEWER_ROLES,
  SELECTION_KEEPER_ROLES,
} from './awards.policy';

export const [AWARD_KINDS, AWARD_KIND_LABELS] = labelled({
  person: { zh: '学习型个人', en: 'Learning individual' },
  family: { zh: '学习型家庭', en: 'Learning family' },
  building: { zh: '学习型楼栋（村组）', en: 'Learning building / village group' },
  community: { zh: '学习型社区', en: 'Learning community' },
  unit: { zh: '学习型单位/企业', en: 'Learning unit / enterprise' },
  star: { zh: '百姓学习之星', en: 'Citizen learning star' },
  teacher: { zh: '优秀教师', en: 'Outstanding teacher' },
  learner: { zh: '优秀学员', en: 'Outstanding learner' },
});
export type AwardKind = (typeof AWARD_KINDS)[number];

export const [NOMINEE_KINDS, NOMINEE_KIND_LABELS] = labelled({
  resident: { zh: '居民', en: 'Resident' },
  household: { zh: '家庭（户）', en: 'Household' },
  building: { zh: '楼栋/村组', en: 'Building / village group' },
  centre: { zh: '学习中心（社区）', en: 'Centre (community)' },
  unit: { zh: '单位/企业', en: 'Unit / enterprise' },
  teacher: { zh: '师资库教师', en: 'Teacher of the bank' },
});
export type NomineeKind = (typeof NOMINEE_KINDS)[number];

/** Who may be nominated for each kind of selection. */
export const NOMINEE_OF: Record<AwardKind, NomineeKind> = {
  person: 'resident',
  family: 'household',
  building: 'building',
  community: 'centre',
  unit: 'unit',
  star: 'resident',
  teacher: 'teacher',
  learner: 'resident',
};

export const [QUOTA_SCOPES, QUOTA_SCOPE_LABELS] = labelled({
  centre: { zh: '每个学习中心', en: 'Per centre' },
  town: { zh: '每个镇（街道）', en: 'Per town' },
});

export const [SELECTION_STATUSES, SELECTION_STATUS_LABELS] = labelled({
  open: { zh: '进行中', en: 'Open' },
  published: { zh: '已公布', en: 'Published' },
});

export const [NOMINATION_STATUSES, NOMINATION_STATUS_LABELS] = labelled({
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  reviewed: { zh: '已审核', en: 'Reviewed' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  published: { zh: '已表彰', en: 'Honoured' },
});
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** The town's short rubric: each item scored 0 to its maximum; the score is their sum. */
export const [RUBRIC_ITEMS, RUBRIC_LABELS] = labelled({
  deeds: { zh: '事迹突出（40 分）', en: 'Outstanding deeds (40)' },
  learning: { zh: '学习成效（30 分）', en: 'Learning results (30)' },
  influence: { zh: '示范带动（30 分）', en: 'Example to others (30)' },
});
export const RUBRIC_MAX: Record<(typeof RUBRIC_ITEMS)[number], number> = { deeds: 40, learning: 30, influence: 30 };

/** What cedu gathers by itself when a nomination is made (this selection's year). */
export const [EVIDENCE_ITEMS, EVIDENCE_LABELS] = labelled({
  attendances: { zh: '参加学习（次）', en: 'Sessions attended' },
  hours: { zh: '学习时长（小时）', en: 'Learning hours' },
  credits: { zh: '本年获得学分', en: 'Credits earned this year' },
  activitiesLed: { zh: '授课/带领活动（场）', en: 'Activities led' },
  volunteerHours: { zh: '志愿服务（小时）', en: 'Volunteer hours' },
  activitiesHeld: { zh: '举办活动（场）', en: 'Activities held' },
});

export const AWARD_LIMITS = {
  title: 100,
  rewardText: 200,
  account: 20_000,
  comment: 500,
  files: 10,
  building: 60,
} as const;

const zNum = (max: number) => z.number().min(0).max(max);

export const ZSelectionFields = z.object({
  title: zText(AWARD_LIMITS.title),
  nominateFrom: zDate,
  nominateUntil: zDate,
  quotaScope: z.enum(QUOTA_SCOPES),
  quota: z.number().int().min(1).max(999).describe('Winners at most, per centre or per town'),
  minHours: orNull(zNum(9999)).describe('Eligibility: learning hours this year at least'),
  minCredits: orNull(zNum(99999)).describe('Eligibility: credits earned this year at least'),
  excludeWinnerYears: z.number().int().min(0).max(10).default(0).describe('Winners of the last N years are excluded'),
  rewardCredits: orNull(z.number().positive().max(9999)).describe(
    'Credits paid to each winner (residents) through the ledger',
  ),
  rewardText: zOptText(AWARD_LIMITS.rewardText).describe('A material reward, in words'),
});
export const ZSelectionCreate = ZSelectionFields.extend({
  ownerNodeId: zId.describe('The county or town running the selection'),
  year: zYear,
  kind: z.enum(AWARD_KINDS),
});
export type SelectionCreate = z.infer<typeof ZSelectionCreate>;
export type SelectionFields = z.infer<typeof ZSelectionFields>;

export const ZSelectionQuery = ZPageQuery.extend({
  year: zYear.optional(),
  kind: z.enum(AWARD_KINDS).optional(),
  status: z.enum(SELECTION_STATUSES).optional(),
});
export type SelectionQuery = z.infer<typeof ZSelectionQuery>;

export const ZSelection = z.object({
  id: z.string(),
  ownerNodeId: z.string(),
  ownerName: z.string(),
  year: z.number().int(),
  kind: z.enum(AWARD_KINDS),
  title: z.string(),
  nominateFrom: z.string(),
  nominateUntil: z.string(),
  quotaScope: z.enum(QUOTA_SCOPES),
  quota: z.number().int(),
  minHours: z.number().nullable(),
  minCredits: z.number().nullable(),
  excludeWinnerYears: z.number().int(),
  rewardCredits: z.number().nullable(),
  rewardText: z.string().nullable(),
  status: z.enum(SELECTION_STATUSES),
  publishedAt: z.string().nullable(),
});
export type Selection = z.infer<typeof ZSelection>;

export const ZSelectionDetail = ZSelection.extend({
  counts: z.record(z.string(), z.number().int()).describe('Nominations I may read, by status'),
  centres: z.array(ZNamedRef).describe('The centres I may nominate for'),
  permissions: z.object({ update: z.boolean(), publish: z.boolean(), nominate: z.boolean() }),
});
export type SelectionDetail = z.infer<typeof ZSelectionDetail>;

export const ZNominationFields = z.object({
  nominee: z
    .object({ id: orNull(zId), name: zOptText(AWARD_LIMITS.building) })
    .describe('The nominee: id of the resident, household, teacher or node; a building/village group by name'),
  accountHtml: zOptLongText(AWARD_LIMITS.account).describe('事迹材料 (rich text; sanitised on the server)'),
  fileIds: zIds(AWARD_LIMITS.files).describe('Attachments (uploaded with purpose award_material at the centre)'),
});
export const ZNominationCreate = ZNominationFields.extend({
  selectionId: zId,
  nodeId: zId.describe('The nominating centre'),
});
export type NominationCreate = z.infer<typeof ZNominationCreate>;
export type NominationFields = z.infer<typeof ZNominationFields>;

export const ZNominationQuery = ZPageQuery.extend({
  selectionId: zId.optional(),
  status: z.enum(NOMINATION_STATUSES).optional(),
  q: zSearch(64).describe('Part of the nominee’s name'),
});
export type NominationQuery = z.infer<typeof ZNominationQuery>;

export const ZNomination = z.object({
  id: z.string(),
  selectionId: z.string(),
  selectionTitle: z.string(),
  kind: z.enum(AWARD_KINDS),
  year: z.number().int(),
  nodeId: z.string(),
  nodeName: z.string(),
  nomineeKind: z.enum(NOMINEE_KINDS),
  nomineeName: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  reviewScore: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
});
export type Nomination = z.infer<typeof ZNomination>;

export const ZNominationDetail = ZNomination.extend({
  nomineeId: z.string().nullable(),
  members: z.array(ZNamedRef),
  accountHtml: z.string(),
  files: z.array(z.object({ id: z.string(), originalName: z.string(), url: z.string() })),
  evidence: z.record(z.string(), z.number()),
  reviewScores: z.record(z.string(), z.number()).nullable(),
  reviewComment: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  decisionComment: z.string().nullable(),
  decidedByName: z.string().nullable(),
  createdByName: z.string().nullable(),
  ownerName: z.string(),
  rewardCredits: z.number().nullable(),
  rewardText: z.string().nullable(),
  publishedAt: z.string().nullable(),
  permissions: z.object({
    update: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    decide: z.boolean(),
  }),
});
export type NominationDetail = z.infer<typeof ZNominationDetail>;

export const ZReview = z.object({
  outcome: z.enum(['reviewed', 'returned']),
  scores: z.object({
    deeds: z.number().int().min(0).max(RUBRIC_MAX.deeds),
    learning: z.number().int().min(0).max(RUBRIC_MAX.learning),
    influence: z.number().int().min(0).max(RUBRIC_MAX.influence),
  }),
  comment: zOptLongText(AWARD_LIMITS.comment),
});
export type Review = z.infer<typeof ZReview>;

export const ZDecision = z.object({
  outcome: z.enum(['approved', 'rejected']),
  comment: zOptLongText(AWARD_LIMITS.comment),
});
export type Decision = z.infer<typeof ZDecision>;

export const ZNomineeQuery = z.object({ selectionId: zId, nodeId: zId, q: zSearch(64) });
export const ZNominee = z.object({ id: z.string(), name: z.string(), detail: z.string().nullable() });
export type Nominee = z.infer<typeof ZNominee>;

/** One winner on a published list (staff's 表彰名单 and the residents' page). */
export const ZWinner = z.object({
  nominationId: z.string(),
  nomineeName: z.string(),
  nodeName: z.string(),
  townName: z.string().nullable(),
  members: z.array(z.string()),
});
export const ZResults = z.object({
  selection: ZSelection,
  winners: z.array(ZWinner),
});
export type Results = z.infer<typeof ZResults>;

export const ZPublicWinnerList = z.object({
  items: z.array(
    z.object({
      selectionId: z.string(),
      title: z.string(),
      year: z.number().int(),
      kind: z.enum(AWARD_KINDS),
      ownerName: z.string(),
      winners: z.array(ZWinner.pick({ nomineeName: true, nodeName: true })),
    }),
  ),
});

const actionOf = (summary: string, roles: readonly (typeof NOMINATOR_ROLES)[number][]) => ({
  method: 'POST' as const,
  summary,
  policy: { roles },
  params: ZIdParams,
});

/** 评选表彰: the yearly selections and their published results. */
export const selectionsApi = defineEndpoints('awards', {
  ...resourceEndpoints(
    '/api/award-selections',
    { read: { roles: AWARD_READER_ROLES }, write: { roles: SELECTION_KEEPER_ROLES } },
    {
      list: [
        'Selections I may read (owned by my county or town, or above my centre)',
        ZSelectionQuery,
        zPage(ZSelection),
      ],
      one: ['One selection with its nomination counts, my centres and what I may do', ZSelectionDetail],
      create: ['Open a yearly selection at a county or town', ZSelectionCreate],
      update: ['Edit an open selection', ZSelectionFields, ZSelectionDetail],
    },
  ),
  publish: {
    ...actionOf('Publish the results: approved nominations become winners; credits paid once', SELECTION_KEEPER_ROLES),
    path: '/api/award-selections/:id/publish',
    responses: { 200: ZSelectionDetail },
  },
  results: {
    method: 'GET',
    path: '/api/award-selections/:id/results',
    summary: 'The published winners of a selection I may read (表彰名单)',
    policy: { roles: AWARD_READER_ROLES },
    params: ZIdParams,
    responses: { 200: ZResults },
  },
});

/** 评选表彰: nominations, the town's review, the leadership group's decision, the residents' read. */
export const nominationsApi = defineEndpoints('awards', {
  nominees: {
    method: 'GET',
    path: '/api/award-nominees',
    summary: 'Whom a centre may nominate for a selection (residents, households, teachers, units…)',
    policy: { roles: NOMINATOR_ROLES },
    query: ZNomineeQuery,
    responses: { 200: zList(ZNominee) },
  },
  ...resourceEndpoints(
    '/api/award-nominations',
    { read: { roles: AWARD_READER_ROLES }, write: { roles: NOMINATOR_ROLES } },
    {
      list: ['Nominations of the centres I may read, filtered and paged', ZNominationQuery, zPage(ZNomination)],
      one: ['One nomination with its evidence, review and what I may do', ZNominationDetail],
      create: ['Nominate (a draft): eligibility checked, evidence gathered', ZNominationCreate],
      update: ['Edit a draft or returned nomination', ZNominationFields, ZNominationDetail],
    },
  ),
  submit: {
    ...actionOf('Submit a draft or returned nomination to the town', NOMINATOR_ROLES),
    path: '/api/award-nominations/:id/submit',
    responses: { 200: ZNominationDetail },
  },
  review: {
    ...actionOf('The town office scores and passes on, or returns, a submitted nomination', REVIEWER_ROLES),
    body: ZReview,
    path: '/api/award-nominations/:id/review',
    responses: { 200: ZNominationDetail },
  },
  decide: {
    ...actionOf('The leadership group approves (within the quota) or rejects a reviewed nomination', APPROVER_ROLES),
    body: ZDecision,
    path: '/api/award-nominations/:id/decide',
    responses: { 200: ZNominationDetail },
  },
  winners: {
    method: 'GET',
    path: '/api/award-winners',
    summary: 'Published winners of the resident’s county (the phone pages)',
    policy: { resident: true },
    responses: { 200: ZPublicWinnerList },
  },
});
