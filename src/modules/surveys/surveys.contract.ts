import { z } from 'zod';
import { defineEndpoints, resourceEndpoints, XLSX } from '../../shared/endpoint';
import { labelled } from '../../shared/locale';
import { ZPageQuery, zList, zPage } from '../../shared/pagination';
import {
  ZCountyParams,
  ZIdParams,
  ZOk,
  zDate,
  zId,
  zOptLongText,
  zOptText,
  zSearch,
  zText,
} from '../../shared/schemas';
import { LIMITS } from '../../shared/limits';
import { ZAnswers, ZQuestions, RATES } from './survey-questions';
import { SURVEY_PUBLISH_ROLES, SURVEY_READER_ROLES, SURVEY_RULE_ROLES } from './surveys.policy';

export * from './survey-questions';

export const [SURVEY_KINDS, SURVEY_KIND_LABELS] = labelled({
  needs: { zh: '学习需求调查', en: 'Learning needs' },
  rates: { zh: '知晓率/认同率/满意率调查', en: 'Awareness / approval / satisfaction' },
});
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const [SURVEY_STATUSES, SURVEY_STATUS_LABELS] = labelled({
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  closed: { zh: '已结束', en: 'Closed' },
});
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const [RESPONSE_METHODS, RESPONSE_METHOD_LABELS] = labelled({
  phone: { zh: '居民手机', en: 'Resident’s phone' },
  poster: { zh: '扫海报二维码', en: 'QR poster' },
  paper: { zh: '纸质问卷录入', en: 'Paper form' },
});
export type ResponseMethod = (typeof RESPONSE_METHODS)[number];

export const SURVEY_LIMITS = { title: 100, intro: 1000 } as const;

/** The one survey form, for create and edit (a draft only). */
export const ZSurveyFields = z.object({
  title: zText(SURVEY_LIMITS.title),
  intro: zOptLongText(SURVEY_LIMITS.intro),
  kind: z.enum(SURVEY_KINDS),
  anonymous: z.boolean().default(true).describe('Answers kept apart from who answered: nobody can join them'),
  opensOn: zDate.describe('First day open (China time)'),
  closesOn: zDate.describe('Last day open (China time, inclusive)'),
  questions: ZQuestions,
});
export const ZSurveyCreate = ZSurveyFields.extend({
  ownerNodeId: zId.describe('The county, town or centre that publishes it to its residents'),
});
export type SurveyCreate = z.infer<typeof ZSurveyCreate>;
export type SurveyFields = z.infer<typeof ZSurveyFields>;

export const ZSurveyQuery = ZPageQuery.extend({
  nodeId: zId.optional().describe('Surveys published by this node or below it'),
  status: z.enum(SURVEY_STATUSES).optional(),
  kind: z.enum(SURVEY_KINDS).optional(),
  q: zSearch(64).describe('Part of the title'),
});
export type SurveyQuery = z.infer<typeof ZSurveyQuery>;

export const ZSurvey = z.object({
  id: z.string(),
  ownerNodeId: z.string(),
  ownerName: z.string(),
  kind: z.enum(SURVEY_KINDS),
  title: z.string(),
  anonymous: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(SURVEY_STATUSES),
  responses: z.number().int().describe('Responses within the reader’s reach'),
});
export type Survey = z.infer<typeof ZSurvey>;

export const ZSurveyDetail = ZSurvey.extend({
  intro: z.string().nullable(),
  questions: ZQuestions,
  permissions: z.object({ edit: z.boolean(), publish: z.boolean(), enter: z.boolean() }),
  updatedAt: z.string(),
});
export type SurveyDetail = z.infer<typeof ZSurveyDetail>;

/** Results: per question, counts of each option (a matrix: per row), texts, the sample beside every rate. */
export const ZResultsQuery = z.object({ nodeId: zId.optional().describe('Only residents living under this node') });
const ZCount = z.object({ id: z.string(), label: z.string(), count: z.number().int() });
export const ZQuestionResult = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  answered: z.number().int().describe('Respondents who answered it: the sample of its percentages'),
  counts: z.array(ZCount),
  rows: z.array(z.object({ id: z.string(), label: z.string(), answered: z.number().int(), counts: z.array(ZCount) })),
  texts: z.array(z.string()).describe('Short and long answers (at most 200, newest day first)'),
  average: z.number().nullable().describe('A rating’s mean'),
  rate: z
    .object({ rate: z.enum(RATES), yes: z.number().int(), of: z.number().int() })
    .nullable()
    .describe('The rate this question feeds: yes of the sample'),
});
export type QuestionResult = z.infer<typeof ZQuestionResult>;
export const ZResults = z.object({
  surveyId: z.string(),
  title: z.string(),
  nodeName: z.string().nullable(),
  respondents: z.number().int(),
  minSample: z.number().int().describe('The county’s minimum sample before a rate counts'),
  places: z.array(z.object({ id: z.string(), name: z.string(), level: z.string() })).describe('Filter choices'),
  questions: z.array(ZQuestionResult),
});
export type Results = z.infer<typeof ZResults>;

export const ZRosterQuery = z.object({ q: zText(20).describe('Name, pinyin initials or 4+ digits of the phone') });
export const ZRosterHit = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  nodeName: z.string(),
  answered: z.boolean(),
});
export const ZPaperEntry = z.object({ residentId: zId, answers: ZAnswers });
export type PaperEntry = z.infer<typeof ZPaperEntry>;

export const ZPoster = z.object({ url: z.string(), svg: z.string(), title: z.string(), ownerName: z.string() });

export const ZSurveyRules = z.object({
  minSample: z.coerce.number().int().min(1).max(100_000).describe('Respondents needed before a rate counts'),
});
export const ZSurveyRulesAnswer = ZSurveyRules.extend({ countyName: z.string(), canEdit: z.boolean() });

/** Nodes where the reader may publish a survey (the form's owner choice). */
export const ZOwnerChoice = z.object({ id: z.string(), name: z.string(), level: z.string() });

/** Staff: surveys (问卷调查). */
export const surveysApi = defineEndpoints('surveys', {
  owners: {
    method: 'GET',
    path: '/api/survey-owners',
    summary: 'The county, towns and centres where I may publish a survey',
    policy: { roles: SURVEY_PUBLISH_ROLES },
    responses: { 200: zList(ZOwnerChoice) },
  },
  ...resourceEndpoints(
    '/api/surveys',
    { read: { roles: SURVEY_READER_ROLES }, write: { roles: SURVEY_PUBLISH_ROLES } },
    {
      list: [
        'Surveys published in my reach or to residents under my node, filtered and paged',
        ZSurveyQuery,
        zPage(ZSurvey),
      ],
      one: ['One survey with its questions and what I may do', ZSurveyDetail],
      create: ['Create a draft survey at a county, town or centre', ZSurveyCreate],
      update: ['Edit a draft survey', ZSurveyFields],
    },
  ),
  publish: {
    method: 'POST',
    path: '/api/surveys/:id/publish',
    summary: 'Publish a draft: residents under its node may answer it in its window; questions are then fixed',
    policy: { roles: SURVEY_PUBLISH_ROLES },
    params: ZIdParams,
    responses: { 200: ZOk },
  },
  close: {
    method: 'POST',
    path: '/api/surveys/:id/close',
    summary: 'Close a published survey: no more answers',
    policy: { roles: SURVEY_PUBLISH_ROLES },
    params: ZIdParams,
    responses: { 200: ZOk },
  },
  results: {
    method: 'GET',
    path: '/api/surveys/:id/results',
    summary: 'Results per question (counts, percentages with their sample), for residents under a centre or town',
    policy: { roles: SURVEY_READER_ROLES },
    params: ZIdParams,
    query: ZResultsQuery,
    responses: { 200: ZResults },
  },
  resultsExport: {
    method: 'GET',
    path: '/api/surveys/:id/results.xlsx',
    summary: 'The results as .xlsx (one row per option; texts on a second sheet); audited',
    policy: { roles: SURVEY_READER_ROLES },
    params: ZIdParams,
    query: ZResultsQuery,
    produces: XLSX,
  },
  roster: {
    method: 'GET',
    path: '/api/surveys/:id/roster',
    summary: 'Residents in my reach under the survey’s node (to enter a paper form), and whether each answered',
    policy: { roles: SURVEY_PUBLISH_ROLES },
    params: ZIdParams,
    query: ZRosterQuery,
    responses: { 200: zList(ZRosterHit) },
  },
  paper: {
    method: 'POST',
    path: '/api/surveys/:id/paper',
    summary: 'Enter a resident’s paper form (one response per resident); audited',
    policy: { roles: SURVEY_PUBLISH_ROLES },
    params: ZIdParams,
    body: ZPaperEntry,
    responses: { 201: ZOk },
  },
  poster: {
    method: 'GET',
    path: '/api/surveys/:id/poster',
    summary: 'The QR poster of a published survey: its phone address and QR code (SVG)',
    policy: { roles: SURVEY_PUBLISH_ROLES },
    params: ZIdParams,
    responses: { 200: ZPoster },
  },
  rules: {
    method: 'GET',
    path: '/api/survey-rules/:countyId',
    summary: 'The county’s minimum sample before a survey rate counts',
    policy: { roles: SURVEY_READER_ROLES },
    params: ZCountyParams,
    responses: { 200: ZSurveyRulesAnswer },
  },
  setRules: {
    method: 'PUT',
    path: '/api/survey-rules/:countyId',
    summary: 'Set the county’s minimum sample; audited',
    policy: { roles: SURVEY_RULE_ROLES },
    params: ZCountyParams,
    body: ZSurveyRules,
    responses: { 200: ZOk },
  },
});

/** What the phone page shows: the survey as the resident answers it. */
export const ZSurveyForm = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string().nullable(),
  ownerName: z.string(),
  anonymous: z.boolean(),
  closesOn: z.string(),
  questions: ZQuestions,
  /** The phone's signed-in resident, if any (then no phone and name are asked). */
  resident: z.object({ name: z.string(), answered: z.boolean() }).nullable(),
  csrfToken: z.string().nullable().describe('The resident session’s CSRF token, to send back with the answer'),
});
export type SurveyForm = z.infer<typeof ZSurveyForm>;
export const ZSurveyAnswer = z.object({
  phone: zOptText(LIMITS.phone).describe('With name: matched against the roster (when not signed in)'),
  name: zOptText(LIMITS.personName),
  via: z.enum(['phone', 'poster']).default('phone'),
  answers: ZAnswers,
});
export type SurveyAnswer = z.infer<typeof ZSurveyAnswer>;

export const ZOpenSurvey = z.object({ id: z.string(), title: z.string(), ownerName: z.string(), closesOn: z.string() });
export type OpenSurvey = z.infer<typeof ZOpenSurvey>;

/** The resident's side: the phone page's survey and answer, and the surveys open to a signed-in resident. */
export const surveyFormApi = defineEndpoints('survey-form', {
  form: {
    method: 'GET',
    path: '/api/survey-form/:id',
    summary: 'A published, open survey as the phone page shows it (and whether this phone’s resident answered)',
    policy: { public: true, knowsResident: true },
    params: ZIdParams,
    responses: { 200: ZSurveyForm },
  },
  answer: {
    method: 'POST',
    path: '/api/survey-form/:id',
    summary:
      'Answer a survey: the phone’s resident, or phone + name matched on the roster under the survey’s node; one response per resident (409 for a second)',
    policy: { public: true, knowsResident: true },
    params: ZIdParams,
    body: ZSurveyAnswer,
    responses: { 201: ZOk },
  },
  mine: {
    method: 'GET',
    path: '/api/resident/surveys',
    summary: 'Surveys open now to the signed-in resident that they have not answered',
    policy: { resident: true },
    responses: { 200: zList(ZOpenSurvey) },
  },
});
