import { z } from 'zod';
import { defineEndpoints, resourceEndpoints, WITHOUT_PAGING, XLSX } from '../../shared/endpoint';
import { labelled } from '../../shared/locale';
import { ZPageQuery, zPage } from '../../shared/pagination';
import {
  ZCountyParams,
  ZIdParams,
  ZOk,
  orNull,
  zDate,
  zId,
  zOptText,
  zSearch,
  zText,
  zYear,
} from '../../shared/schemas';
import { ZStoredFile } from '../files/files.contract';
import { MAX_FEN } from './money';
import { BUDGET_ROLES, EXPENSE_ROLES, FUNDING_READER_ROLES, STANDARD_ROLES } from './funding.policy';

export const [BUDGET_SOURCES, BUDGET_SOURCE_LABELS] = labelled({
  government: { zh: '政府拨款', en: 'Government' },
  donation: { zh: '社会捐赠', en: 'Donations' },
  grant: { zh: '项目资助', en: 'Grants' },
  other: { zh: '其他', en: 'Other' },
});
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

export const [EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS] = labelled({
  teaching_fee: { zh: '授课费', en: 'Teaching fees' },
  allowance: { zh: '误工费', en: 'Lost-work allowances' },
  award: { zh: '奖励', en: 'Awards' },
  activity: { zh: '其他活动费用', en: 'Other activity costs' },
  equipment: { zh: '设备', en: 'Equipment' },
});
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const [EXPENSE_STATUSES, EXPENSE_STATUS_LABELS] = labelled({
  recorded: { zh: '待审核', en: 'Recorded' },
  approved: { zh: '已审核', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Rejected' },
});
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

/** The standards a county may set, in fen per resident per year (1 or 2 yuan). */
export const STANDARD_CHOICES = [100, 200] as const;
/** The standard where a county has set none. */
export const DEFAULT_STANDARD_FEN = 200;

export const FUNDING_LIMITS = { lineNote: 100, budgetNote: 300, lines: 20, payee: 60, description: 200, review: 200 };

/** An amount of money: whole fen, at least `min`. */
const zFen = (min = 0) => z.number().int().min(min).max(MAX_FEN).describe('Fen (1 yuan = 100 fen)');
const zFenOut = z.number().int().describe('Fen');

export const ZTownParams = z.object({ townId: zId });
export const ZYearQuery = z.object({ year: zYear });

export const ZStandard = z.object({
  countyId: z.string(),
  countyName: z.string(),
  perResidentFen: z.number().int(),
  isDefault: z.boolean(),
  canEdit: z.boolean(),
});
export type Standard = z.infer<typeof ZStandard>;
export const ZStandardBody = z.object({
  perResidentFen: z.union([z.literal(100), z.literal(200)]).describe('100 (1 yuan) or 200 (2 yuan) per resident'),
});

export const ZBudgetLine = z.object({
  source: z.enum(BUDGET_SOURCES),
  amountFen: zFen(),
  note: orNull(zOptText(FUNDING_LIMITS.lineNote)),
});
export type BudgetLine = z.infer<typeof ZBudgetLine>;
export const ZBudgetBody = z.object({
  year: zYear,
  lines: z.array(ZBudgetLine).max(FUNDING_LIMITS.lines),
  note: orNull(zOptText(FUNDING_LIMITS.budgetNote)),
});
export type BudgetBody = z.infer<typeof ZBudgetBody>;

export const ZAllocationItem = z.object({
  centreId: zId,
  amountFen: zFen(),
  note: orNull(zOptText(FUNDING_LIMITS.lineNote)),
});
export const ZAllocationsBody = z.object({ year: zYear, items: z.array(ZAllocationItem).max(500) });
export type AllocationsBody = z.infer<typeof ZAllocationsBody>;

/** A town's year at a glance (the county's list of towns). */
export const ZTownSummary = z.object({
  townId: z.string(),
  townName: z.string(),
  population: z.number().int().nullable(),
  perResidentFen: z.number().int(),
  standardFen: zFenOut.nullable().describe('Standard per resident × population (null without a population)'),
  budgetFen: zFenOut.describe('Sum of the budget lines (0 without a budget)'),
  shortfallFen: zFenOut.nullable().describe('How far the budget falls below the standard (0 when it meets it)'),
  allocatedFen: zFenOut,
  spentFen: zFenOut.describe('Approved expenses of the town and its centres dated in the year'),
  pendingFen: zFenOut.describe('Expenses still to review'),
  canKeep: z.boolean(),
});
export type TownSummary = z.infer<typeof ZTownSummary>;

export const ZCentreFunding = z.object({
  centreId: z.string(),
  centreName: z.string(),
  population: z.number().int().nullable(),
  allocatedFen: zFenOut,
  note: z.string().nullable(),
  spentFen: zFenOut,
  pendingFen: zFenOut,
});
export type CentreFunding = z.infer<typeof ZCentreFunding>;

export const ZTownFunding = ZTownSummary.extend({
  year: z.number().int(),
  countyId: z.string(),
  budget: z
    .object({
      lines: z.array(ZBudgetLine.extend({ note: z.string().nullable() })),
      note: z.string().nullable(),
      updatedAt: z.string(),
      updatedByName: z.string().nullable(),
    })
    .nullable(),
  bySource: z.array(z.object({ source: z.enum(BUDGET_SOURCES), amountFen: zFenOut })),
  centres: z.array(ZCentreFunding).describe('Every centre of the town: its allocation and its expenses'),
  townOwn: z.object({ spentFen: zFenOut, pendingFen: zFenOut }).describe('Expenses of the town office itself'),
  byCategory: z.array(
    z.object({ category: z.enum(EXPENSE_CATEGORIES), spentFen: zFenOut, pendingFen: zFenOut, count: z.number().int() }),
  ),
  perResident: z
    .object({ budgetFen: zFenOut, standardFen: zFenOut, spentFen: zFenOut })
    .nullable()
    .describe('Per resident, rounded to the fen (null without a population)'),
});
export type TownFunding = z.infer<typeof ZTownFunding>;

export const ZExpenseFields = z.object({
  nodeId: zId.describe('The town or centre the expense is charged to'),
  category: z.enum(EXPENSE_CATEGORIES),
  teacherId: orNull(zId).describe('Teaching fees: the teacher from the teacher bank (required; others: none)'),
  payee: orNull(zOptText(FUNDING_LIMITS.payee)).describe('Who was paid (a teaching fee: the teacher’s name)'),
  amountFen: zFen(1),
  spentOn: zDate,
  description: zText(FUNDING_LIMITS.description),
  invoiceFileId: orNull(zId).describe('The photo of the invoice (files, purpose expense_invoice)'),
  activityId: orNull(zId).describe('The activity it served, at the node or under it'),
});
export type ExpenseFields = z.infer<typeof ZExpenseFields>;

export const ZExpenseQuery = ZPageQuery.extend({
  nodeId: zId.optional().describe('This town or centre (its subtree)'),
  year: zYear.optional().describe('Dated in this year'),
  category: z.enum(EXPENSE_CATEGORIES).optional(),
  status: z.enum(EXPENSE_STATUSES).optional(),
  q: zSearch(64).describe('Part of the payee or the description'),
});
export type ExpenseQuery = z.infer<typeof ZExpenseQuery>;

export const ZExpense = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  nodeLevel: z.enum(['town', 'centre']),
  category: z.enum(EXPENSE_CATEGORIES),
  teacherId: z.string().nullable(),
  payee: z.string(),
  amountFen: zFenOut,
  spentOn: z.string(),
  description: z.string(),
  activityId: z.string().nullable(),
  activityTitle: z.string().nullable(),
  hasInvoice: z.boolean(),
  status: z.enum(EXPENSE_STATUSES),
  recordedById: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  canReview: z.boolean().describe('Pending, and I may review it (not my own)'),
});
export type Expense = z.infer<typeof ZExpense>;
export const ZExpensePage = zPage(ZExpense).extend({
  totals: z.object({ amountFen: zFenOut, approvedFen: zFenOut }).describe('Of every row the filters select'),
});

export const ZExpenseDetail = ZExpense.extend({
  invoice: ZStoredFile.nullable(),
  teacherName: z.string().nullable(),
  permissions: z.object({ update: z.boolean(), review: z.boolean() }),
  updatedAt: z.string(),
});
export type ExpenseDetail = z.infer<typeof ZExpenseDetail>;

export const ZExpenseReview = z.object({
  decision: z.enum(['approved', 'rejected']),
  note: orNull(zOptText(FUNDING_LIMITS.review)),
});
export type ExpenseReview = z.infer<typeof ZExpenseReview>;

/** Funding (经费): the county standard, town budgets and allocations, expenses and the ledger. */
export const fundingApi = defineEndpoints('funding', {
  standards: {
    method: 'GET',
    path: '/api/funding/standards',
    summary: 'The standard per resident of each county in my reach (the default where none is set)',
    policy: { roles: FUNDING_READER_ROLES },
    responses: { 200: z.object({ standards: z.array(ZStandard) }) },
  },
  setStandard: {
    method: 'PUT',
    path: '/api/funding/standards/:countyId',
    summary: 'Set a county’s standard per resident: 1 or 2 yuan (county admins); audited',
    policy: { roles: STANDARD_ROLES },
    params: ZCountyParams,
    body: ZStandardBody,
    responses: { 200: ZOk },
  },
  towns: {
    method: 'GET',
    path: '/api/funding/towns',
    summary: 'Each town in my reach for a year: budget, standard, shortfall, allocated and spent',
    policy: { roles: FUNDING_READER_ROLES },
    query: ZYearQuery,
    responses: { 200: z.object({ year: z.number().int(), towns: z.array(ZTownSummary) }) },
  },
  town: {
    method: 'GET',
    path: '/api/funding/towns/:townId',
    summary: 'One town’s year: budget lines, standard and shortfall, allocations, budget versus spent',
    policy: { roles: FUNDING_READER_ROLES },
    params: ZTownParams,
    query: ZYearQuery,
    responses: { 200: ZTownFunding },
  },
  setBudget: {
    method: 'PUT',
    path: '/api/funding/towns/:townId/budget',
    summary: 'Set a town’s budget for a year, line by source (the town office); audited',
    policy: { roles: BUDGET_ROLES },
    params: ZTownParams,
    body: ZBudgetBody,
    responses: { 200: ZOk },
  },
  setAllocations: {
    method: 'PUT',
    path: '/api/funding/towns/:townId/allocations',
    summary: 'Set what each centre of the town gets out of the year’s budget (never more than the budget); audited',
    policy: { roles: BUDGET_ROLES },
    params: ZTownParams,
    body: ZAllocationsBody,
    responses: { 200: ZOk },
  },
  ...resourceEndpoints(
    '/api/funding/expenses',
    { read: { roles: FUNDING_READER_ROLES }, write: { roles: EXPENSE_ROLES } },
    {
      list: [
        'Expenses of the towns and centres in my reach, filtered and paged, with totals',
        ZExpenseQuery,
        ZExpensePage,
      ],
      one: ['One expense with its invoice and what I may do', ZExpenseDetail],
      create: [
        'Record an expense of a town or centre (teaching fees follow the teacher bank’s fee rule)',
        ZExpenseFields,
      ],
      update: ['Correct an expense still waiting for review', ZExpenseFields],
    },
  ),
  export: {
    method: 'GET',
    path: '/api/funding/expenses/export.xlsx',
    summary: 'The ledger (经费台账) as .xlsx with the list’s filters; audited',
    policy: { roles: FUNDING_READER_ROLES },
    query: ZExpenseQuery.omit(WITHOUT_PAGING),
    produces: XLSX,
  },
  review: {
    method: 'POST',
    path: '/api/funding/expenses/:id/review',
    summary: 'Approve or reject an expense (the town office; never one’s own record); audited',
    policy: { roles: BUDGET_ROLES },
    params: ZIdParams,
    body: ZExpenseReview,
    responses: { 200: ZOk },
  },
});
