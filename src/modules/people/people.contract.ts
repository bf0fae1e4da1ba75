import { z } from 'zod';
import { GENDER_LABELS, GENDERS } from '../../shared/gender';
import { defineEndpoints, resourceEndpoints } from '../../shared/endpoint';
import { LIMITS } from '../../shared/limits';
import { ZPageQuery, zPage } from '../../shared/pagination';
import { RESIDENT_ROLES } from '../../shared/roles';
import {
  ZCountyParams,
  ZCreated,
  ZIdParams,
  ZOk,
  orNull,
  zCleanText,
  zId,
  zKey,
  zOptLongText,
  zOptText,
  zSearch,
  zText,
} from '../../shared/schemas';
import { labelled } from '../../shared/locale';
import { RESIDENT_STATS_ROLES, TAG_ADMIN_ROLES } from './people.policy';

/** Size limits of the people module, read by the server schemas and the forms. */
export const PEOPLE_LIMITS = {
  building: 60,
  occupation: 60,
  purpose: 100,
  relation: 16,
  tagCode: 24,
  tagLabel: 24,
  tags: 20,
  address: 200,
  rawId: 40,
  rawPhone: 40,
} as const;

/** The genders of the forms (src/shared/gender.ts, the same for teachers). */
export { GENDER_LABELS, GENDERS };

/** Relation to the head of the household (与户主关系). */
export const [RELATIONS, RELATION_LABELS] = labelled({
  head: { zh: '户主', en: 'Head' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  grandparent: { zh: '祖父母', en: 'Grandparent' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  child_in_law: { zh: '儿媳/女婿', en: 'Child-in-law' },
  other: { zh: '其他', en: 'Other' },
});

export const [EDUCATIONS, EDUCATION_LABELS] = labelled({
  none: { zh: '未上学', en: 'No schooling' },
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '高中', en: 'Senior secondary' },
  vocational: { zh: '中专/职高', en: 'Vocational' },
  college: { zh: '大专', en: 'College' },
  bachelor: { zh: '本科', en: 'Bachelor' },
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
});

export const [EMPLOYMENTS, EMPLOYMENT_LABELS] = labelled({
  employed: { zh: '在职', en: 'Employed' },
  farming: { zh: '务农', en: 'Farming' },
  self_employed: { zh: '个体经营', en: 'Self-employed' },
  unemployed: { zh: '失业/待业', en: 'Unemployed' },
  retired: { zh: '退休', en: 'Retired' },
  student: { zh: '在校学生', en: 'Student' },
  other: { zh: '其他', en: 'Other' },
});

export const [AGE_BANDS, AGE_BAND_LABELS] = labelled({
  '0-13': { zh: '0–13 岁', en: 'Age 0–13' },
  '14-17': { zh: '14–17 岁', en: 'Age 14–17' },
  '18-59': { zh: '18–59 岁', en: 'Age 18–59' },
  '60+': { zh: '60 岁及以上', en: 'Age 60+' },
});
export type AgeBand = (typeof AGE_BANDS)[number];
/** Children under this age need a guardian's consent and count as sensitive records. */
export const CHILD_AGE = 14;

export const [CONSENT_METHODS, CONSENT_METHOD_LABELS] = labelled({
  paper: { zh: '纸质签字', en: 'Signed on paper' },
  verbal: { zh: '口头同意', en: 'Verbal' },
  online: { zh: '线上确认', en: 'Online' },
});
export const CONSENT_GIVERS = ['self', 'guardian'] as const;
export const DEFAULT_CONSENT_PURPOSE = '社区教育学习服务、活动组织与统计';

/** Age in whole years on `today` (YYYY-MM-DD dates). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The county id of a node path `/<county>/<town>/…/`. */
export const countyOfPath = (path: string) => path.split('/')[1] ?? '';

export const ZConsentInput = z.object({
  given: z.boolean().describe('The box "本人（或监护人）已同意" was ticked'),
  purpose: zText(PEOPLE_LIMITS.purpose).describe('What the data is kept for'),
  givenBy: z.enum(CONSENT_GIVERS),
  guardianName: zOptText(LIMITS.personName).describe('Required when givenBy is guardian (children under 14)'),
  guardianRelation: zOptText(PEOPLE_LIMITS.relation),
  method: z.enum(CONSENT_METHODS),
});
export type ConsentInput = z.infer<typeof ZConsentInput>;

/**
 * The editable fields of a resident, for create and edit (one form) and for the Excel
 * import. Name, phone and ID number arrive raw: the validator (resident-input.ts) cleans
 * and checks them with field-specific messages.
 */
export const ZResidentFields = z.object({
  nodeId: zId.describe('The village or community (学习中心) the resident lives in'),
  name: zCleanText()
    .max(LIMITS.personName * 2)
    .describe('Name; · and rare characters allowed'),
  gender: orNull(z.enum(GENDERS)).describe('Filled from the ID number when blank'),
  birthDate: z
    .union([z.iso.date(), z.literal('')])
    .nullish()
    .transform((v) => v || null)
    .describe('YYYY-MM-DD; filled from the ID number when blank'),
  phone: z
    .string()
    .max(PEOPLE_LIMITS.rawPhone)
    .nullish()
    .describe('On edit: absent keeps the stored number, null or blank removes it'),
  idNumber: z
    .string()
    .max(PEOPLE_LIMITS.rawId)
    .nullish()
    .describe('18-character ID number, optional. On edit: absent keeps the stored number, null or blank removes it'),
  householdId: orNull(zId),
  relationToHead: orNull(z.enum(RELATIONS)),
  building: zOptText(PEOPLE_LIMITS.building).describe('楼栋 or 村组'),
  education: orNull(z.enum(EDUCATIONS)),
  employment: orNull(z.enum(EMPLOYMENTS)),
  occupation: zOptText(PEOPLE_LIMITS.occupation),
  note: zOptLongText(LIMITS.note),
  tags: z
    .array(zText(PEOPLE_LIMITS.tagCode))
    .max(PEOPLE_LIMITS.tags)
    .default([])
    .describe('Codes from the county tag list'),
});
export type ResidentFields = z.infer<typeof ZResidentFields>;
export type ResidentFieldsInput = z.input<typeof ZResidentFields>;

export const ZResidentCreate = ZResidentFields.extend({ consent: ZConsentInput });
export type ResidentCreate = z.infer<typeof ZResidentCreate>;
export const ZResidentUpdate = ZResidentFields;
export type ResidentUpdate = z.infer<typeof ZResidentUpdate>;

export const ZWarning = z.object({ path: z.string(), message: z.string(), messageEn: z.string() });
export type Warning = z.infer<typeof ZWarning>;
export const ZResidentSaved = z.object({ id: z.string(), warnings: z.array(ZWarning) });
export type ResidentSaved = z.infer<typeof ZResidentSaved>;

export const ZResident = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  householdId: z.string().nullable(),
  relationToHead: z.enum(RELATIONS).nullable(),
  building: z.string().nullable(),
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  phone: z.string().nullable().describe('Masked (138****8000); POST /reveal for the full number'),
  idNumber: z.string().nullable().describe('Masked (110***********1234); POST /reveal for the full number'),
  tags: z.array(z.string()).describe('Empty for roles that may not see special-group membership'),
  anonymized: z.boolean(),
});
export type Resident = z.infer<typeof ZResident>;
export const ZResidentPage = zPage(ZResident);

export const ZConsent = z.object({
  id: z.string(),
  purpose: z.string(),
  givenBy: z.enum(CONSENT_GIVERS),
  guardianName: z.string().nullable(),
  guardianRelation: z.string().nullable(),
  method: z.enum(CONSENT_METHODS),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof ZConsent>;

export const ZResidentDetail = ZResident.extend({
  education: z.enum(EDUCATIONS).nullable(),
  employment: z.enum(EMPLOYMENTS).nullable(),
  occupation: z.string().nullable(),
  note: z.string().nullable(),
  householdHeadName: z.string().nullable(),
  consents: z.array(ZConsent),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({
    update: z.boolean(),
    remove: z.boolean(),
    export: z.boolean(),
    revealId: z.boolean(),
    revealPhone: z.boolean(),
  }),
});
export type ResidentDetail = z.infer<typeof ZResidentDetail>;

export const ZResidentQuery = ZPageQuery.extend({
  q: zSearch(40).describe(
    'Name, pinyin or initials (zs), last 4 digits of the phone or ID number, or a whole ID number',
  ),
  nodeId: zId.optional().describe('Only residents under this node'),
  householdId: zId.optional(),
  tag: zSearch(PEOPLE_LIMITS.tagCode),
  ageBand: z.enum(AGE_BANDS).optional(),
  gender: z.enum(GENDERS).optional(),
});
export type ResidentQuery = z.infer<typeof ZResidentQuery>;

export const ZReveal = z.object({ field: z.enum(['idNumber', 'phone']) });
export const ZRevealed = z.object({ value: z.string() });

export const ZRemoved = z.object({
  outcome: z.enum(['deleted', 'anonymized']),
  reasons: z
    .array(z.object({ table: z.string(), count: z.number().int(), label: z.string(), labelEn: z.string() }))
    .describe('Why the record had to stay (anonymised instead)'),
});
export type Removed = z.infer<typeof ZRemoved>;

export const ZResidentExport = z.object({
  exportedAt: z.string(),
  exportedBy: z.string(),
  resident: z.record(z.string(), z.unknown()),
  household: z.record(z.string(), z.unknown()).nullable(),
  tags: z.array(z.object({ code: z.string(), label: z.string() })),
  consents: z.array(ZConsent),
  linkedRecords: z.array(z.object({ table: z.string(), count: z.number().int() })),
  history: z.array(z.object({ at: z.string(), action: z.string(), by: z.string().nullable() })),
});

// Households
export const ZHouseholdFields = z.object({
  nodeId: zId,
  headName: zText(LIMITS.personName).describe('户主姓名'),
  building: zOptText(PEOPLE_LIMITS.building),
  address: zOptText(PEOPLE_LIMITS.address),
});
export type HouseholdFields = z.infer<typeof ZHouseholdFields>;
export const ZHousehold = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  headName: z.string(),
  building: z.string().nullable(),
  address: z.string().nullable(),
  memberCount: z.number().int(),
});
export type Household = z.infer<typeof ZHousehold>;
export const ZHouseholdPage = zPage(ZHousehold);
export const ZHouseholdQuery = ZPageQuery.extend({ nodeId: zId.optional(), q: zSearch(40) });
export const ZHouseholdDetail = ZHousehold.extend({ members: z.array(ZResident), canUpdate: z.boolean() });
export type HouseholdDetail = z.infer<typeof ZHouseholdDetail>;

// Tag list of a county
export const ZTagDef = z.object({
  code: z.string(),
  label: z.string(),
  sensitive: z.boolean(),
  sortOrder: z.number().int(),
  residentCount: z.number().int(),
});
export type TagDef = z.infer<typeof ZTagDef>;
export const ZTagDefList = z.object({ countyId: z.string(), canManage: z.boolean(), tags: z.array(ZTagDef) });
export type TagDefList = z.infer<typeof ZTagDefList>;
export const ZTagDefFields = z.object({
  label: zText(PEOPLE_LIMITS.tagLabel),
  sensitive: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
export const ZTagDefCreate = ZTagDefFields.extend({
  code: zKey(PEOPLE_LIMITS.tagCode).describe(
    'Lower-case letters, digits and _ (2–24), e.g. elderly; checked by the service',
  ),
});
export type TagDefCreate = z.infer<typeof ZTagDefCreate>;
export const ZTagDefUpdate = ZTagDefFields;
export type TagDefUpdate = z.infer<typeof ZTagDefUpdate>;

// Statistics: counts only, never names.
export const ZResidentStatsQuery = z.object({ nodeId: zId.optional() });
export const ZResidentStats = z.object({
  total: z.number().int(),
  byGender: z.object({ male: z.number().int(), female: z.number().int(), unknown: z.number().int() }),
  byAgeBand: z.array(z.object({ band: z.enum(AGE_BANDS), count: z.number().int() })),
  unknownAge: z.number().int(),
  byTag: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })),
});
export type ResidentStats = z.infer<typeof ZResidentStats>;

export const ZTagParams = ZCountyParams.extend({ code: zKey(PEOPLE_LIMITS.tagCode) });

const keepers = { roles: RESIDENT_ROLES };

const residentCrud = resourceEndpoints(
  '/api/residents',
  { write: keepers },
  {
    list: ['Residents of my subtree; ID numbers and phones masked', ZResidentQuery, ZResidentPage],
    one: ['One resident with consents and what the user may do; sensitive views are audited', ZResidentDetail],
    create: [
      'Register a resident together with their consent; a shared phone is a warning',
      ZResidentCreate,
      ZResidentSaved,
    ],
    update: ['Correct a resident (absent phone / ID number: kept)', ZResidentUpdate, ZResidentSaved],
  },
);

const householdCrud = resourceEndpoints(
  '/api/households',
  { write: keepers },
  {
    list: ['Households of my subtree', ZHouseholdQuery, ZHouseholdPage],
    one: ['A household with its members (masked)', ZHouseholdDetail],
    create: ['Create a household in a village', ZHouseholdFields],
    update: ['Edit a household', ZHouseholdFields],
  },
);

/** Residents (居民): roster, one form, the person's rights (reveal, export, delete), consents, counts; households; the county's tag list. */
export const peopleApi = defineEndpoints('residents', {
  list: residentCrud.list,
  stats: {
    method: 'GET',
    path: '/api/residents/stats',
    summary: 'Counts per gender, age band and special-group tag (no names)',
    policy: { roles: RESIDENT_STATS_ROLES },
    query: ZResidentStatsQuery,
    responses: { 200: ZResidentStats },
  },
  one: residentCrud.one,
  create: residentCrud.create,
  update: residentCrud.update,
  remove: {
    method: 'DELETE',
    path: '/api/residents/:id',
    summary: 'Delete a resident, or anonymise them when other records must stay',
    policy: keepers,
    params: ZIdParams,
    responses: { 200: ZRemoved },
  },
  reveal: {
    method: 'POST',
    path: '/api/residents/:id/reveal',
    summary: 'The full ID number or phone (needs the reveal right; audited)',
    policy: keepers,
    params: ZIdParams,
    body: ZReveal,
    responses: { 200: ZRevealed },
  },
  export: {
    method: 'GET',
    path: '/api/residents/:id/export',
    summary: 'Everything held about the person, as a JSON file (audited)',
    policy: keepers,
    params: ZIdParams,
    responses: { 200: ZResidentExport },
  },
  addConsent: {
    method: 'POST',
    path: '/api/residents/:id/consents',
    summary: 'Record a further consent',
    policy: keepers,
    params: ZIdParams,
    body: ZConsentInput,
    responses: { 201: ZCreated },
  },
  withdrawConsent: {
    method: 'POST',
    path: '/api/residents/:id/consents/:consentId/withdraw',
    summary: 'Mark a consent as withdrawn',
    policy: keepers,
    params: ZIdParams.extend({ consentId: zId }),
    responses: { 200: ZOk },
  },

  households: householdCrud.list,
  household: householdCrud.one,
  createHousehold: householdCrud.create,
  updateHousehold: householdCrud.update,

  tags: {
    method: 'GET',
    path: '/api/counties/:countyId/resident-tags',
    summary: 'The county’s special-group tags (the default list on first use)',
    policy: { roles: RESIDENT_STATS_ROLES },
    params: ZCountyParams,
    responses: { 200: ZTagDefList },
  },
  createTag: {
    method: 'POST',
    path: '/api/counties/:countyId/resident-tags',
    summary: 'Add a tag to the county’s list',
    policy: { roles: TAG_ADMIN_ROLES },
    params: ZCountyParams,
    body: ZTagDefCreate,
    responses: { 201: ZOk },
  },
  updateTag: {
    method: 'PUT',
    path: '/api/counties/:countyId/resident-tags/:code',
    summary: 'Rename a tag or change whether it is sensitive',
    policy: { roles: TAG_ADMIN_ROLES },
    params: ZTagParams,
    body: ZTagDefUpdate,
    responses: { 200: ZOk },
  },
  removeTag: {
    method: 'DELETE',
    path: '/api/counties/:countyId/resident-tags/:code',
    summary: 'Delete a tag no resident carries',
    policy: { roles: TAG_ADMIN_ROLES },
    params: ZTagParams,
    responses: { 200: ZOk },
  },
});
