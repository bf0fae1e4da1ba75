import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { auditChange, diffFields } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { pageOf } from '../../server/db/page';
import { orgNodes } from '../../server/db/tree.table';
import {
  escapeLike,
  loadCounty,
  loadNodeToWrite,
  loadRowOnNode,
  type NodeBrief,
  underAnyPath,
} from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import type { Page } from '../../shared/pagination';
import { questionIssues } from './survey-questions';
import type { Survey, SurveyCreate, SurveyDetail, SurveyFields, SurveyQuery } from './surveys.contract';
import {
  canEnterPaper,
  canPublishSurvey,
  canReadSurvey,
  canReadSurveyRules,
  canSetSurveyRules,
  SURVEY_PUBLISH_ROLES,
  SURVEY_READER_ROLES,
} from './surveys.policy';
import { surveyAnswers, surveyRules, surveys } from './surveys.table';

export type SurveyRow = typeof surveys.$inferSelect;
export const OWNER_LEVELS = ['county', 'town', 'centre'] as const;
export const DEFAULT_MIN_SAMPLE = 30;

/** The nodes at or above the reader scopes of the actor (surveys published to them from above). */
function aboveReaches(actor: Actor): string[] {
  const out = new Set<string>();
  for (const s of actor.scopes) {
    if (!SURVEY_READER_ROLES.includes(s.role)) continue;
    const parts = s.path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) out.add(`/${parts.slice(0, i).join('/')}/`);
  }
  return [...out];
}

/** SQL: the survey's owner node (org_nodes) is one the actor may read (canReadSurvey). */
function readableOwner(actor: Actor): SQL {
  const under = underAnyPath(orgNodes.path, reachPaths(actor, SURVEY_READER_ROLES));
  const above = aboveReaches(actor);
  return above.length ? or(under, inArray(orgNodes.path, above))! : under;
}

/** SQL: answers of residents living within the actor's reach (results and counts show only those). */
export function answerInReach(actor: Actor): SQL {
  const reach = reachPaths(actor, SURVEY_READER_ROLES);
  if (reach.length === 0) return sql`false`;
  const like = sql.join(
    reach.map((p) => sql`answer_home.path like ${`${escapeLike(p)}%`}`),
    sql` or `,
  );
  return sql`exists (select 1 from org_nodes answer_home where answer_home.id = ${surveyAnswers.nodeId} and (${like}))`;
}

/** The survey with its owner node, or NOT_FOUND outside what the actor may read. */
export async function loadSurvey(db: DbOrTx, actor: Actor, id: string): Promise<{ row: SurveyRow; owner: NodeBrief }> {
  const { row, node } = await loadRowOnNode(db, surveys, surveys.ownerNodeId, id, (n) => canReadSurvey(actor, n));
  return { row, owner: node };
}

const toSurvey = (row: SurveyRow, owner: { name: string }, responses: number): Survey => ({
  id: row.id,
  ownerNodeId: row.ownerNodeId,
  ownerName: owner.name,
  kind: row.kind as Survey['kind'],
  title: row.title,
  anonymous: row.anonymous,
  opensOn: row.opensOn,
  closesOn: row.closesOn,
  status: row.status as Survey['status'],
  responses,
});

function responsesInReach(actor: Actor) {
  return sql<number>`(select count(*)::int from ${surveyAnswers} where ${surveyAnswers.surveyId} = ${surveys.id} and ${answerInReach(actor)})`;
}

export async function findSurveys({ db, actor, query }: Ctx & { query: SurveyQuery }): Promise<Page<Survey>> {
  const conds = [readableOwner(actor)];
  if (query.nodeId) {
    const [n] = await db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, query.nodeId));
    if (!n || !canReadSurvey(actor, n)) throw new AppError('NOT_FOUND', {}, { denied: true });
    conds.push(sql`${orgNodes.path} like ${`${escapeLike(n.path)}%`}`);
  }
  if (query.status) conds.push(eq(surveys.status, query.status));
  if (query.kind) conds.push(eq(surveys.kind, query.kind));
  if (query.q) conds.push(ilike(surveys.title, `%${escapeLike(query.q)}%`));
  const list = db
    .select({ row: surveys, owner: { name: orgNodes.name }, responses: responsesInReach(actor) })
    .from(surveys)
    .innerJoin(orgNodes, eq(orgNodes.id, surveys.ownerNodeId))
    .where(and(...conds))
    .$dynamic();
  return pageOf(db, list, [desc(surveys.opensOn), asc(surveys.title), asc(surveys.id)], query, (r) =>
    toSurvey(r.row, r.owner, r.responses),
  );
}

export async function getSurvey({ db, actor, id }: Ctx & { id: string }): Promise<SurveyDetail> {
  const { row, owner } = await loadSurvey(db, actor, id);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.surveyId, id), answerInReach(actor)));
  const publish = canPublishSurvey(actor, owner);
  return {
    ...toSurvey(row, owner, n),
    intro: row.intro,
    questions: row.questions,
    permissions: {
      edit: publish && row.status === 'draft',
      publish,
      enter: canEnterPaper(actor, owner) && row.status === 'published',
    },
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The form's own checks beyond the schema: the window, the questions. */
function checkFields(input: SurveyFields): void {
  if (input.closesOn < input.opensOn)
    throw fieldError('closesOn', '结束日期不能早于开始日期', 'The last day cannot be before the first');
  const issues = questionIssues(input.questions, input.kind);
  if (issues.length) throw new AppError('VALIDATION_FAILED', {}, { issues });
}

/** The county, towns and centres where the actor may publish. */
export async function findOwners({ db, actor }: Ctx) {
  const items = await db
    .select({ id: orgNodes.id, name: orgNodes.name, level: orgNodes.level })
    .from(orgNodes)
    .where(
      and(
        inArray(orgNodes.level, [...OWNER_LEVELS]),
        underAnyPath(orgNodes.path, reachPaths(actor, SURVEY_PUBLISH_ROLES)),
      ),
    )
    .orderBy(asc(orgNodes.depth), asc(orgNodes.sortOrder), asc(orgNodes.name))
    .limit(2000);
  return { items };
}

export async function createSurvey({ db, actor, input }: Ctx & { input: SurveyCreate }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const owner = await loadNodeToWrite(
      tx,
      input.ownerNodeId,
      { mayRead: (n) => canReadSurvey(actor, n), mayWrite: (n) => canPublishSurvey(actor, n) },
      OWNER_LEVELS,
      {
        field: 'ownerNodeId',
        zh: '问卷由县（区）、镇（街道）或学习中心发布',
        en: 'A survey is published by a county, town or centre',
      },
    );
    checkFields(input);
    const { ownerNodeId, ...fields } = input;
    const [{ id }] = await tx
      .insert(surveys)
      .values({ ...fields, ownerNodeId, createdBy: actor.userId })
      .returning({ id: surveys.id });
    await auditChange(tx, actor, owner, 'survey.create', ['survey', id], {
      title: input.title,
      kind: input.kind,
      anonymous: input.anonymous,
      questions: input.questions.length,
    });
    return { id };
  });
}

export async function updateSurvey({ db, actor, id, input }: Ctx & { id: string; input: SurveyFields }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, owner } = await loadSurvey(tx, actor, id);
    if (!canPublishSurvey(actor, owner)) throw forbidden();
    if (row.status !== 'draft')
      throw new AppError('CONFLICT', {
        detail: '问卷已发布，题目不能再修改',
        detailEn: 'the survey is published; its questions are fixed',
      });
    checkFields(input);
    await tx
      .update(surveys)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(surveys.id, id));
    const { questions, ...rest } = diffFields(row as Record<string, unknown>, input);
    await auditChange(tx, actor, owner, 'survey.update', ['survey', id], {
      title: row.title,
      ...rest,
      ...(questions ? { questions: input.questions.length } : {}),
    });
  });
}

/** Publish a draft, or close a published survey: the status moves one way only. */
export async function moveSurvey({
  db,
  actor,
  id,
  to,
}: Ctx & { id: string; to: 'published' | 'closed' }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, owner } = await loadSurvey(tx, actor, id);
    if (!canPublishSurvey(actor, owner)) throw forbidden();
    const from = to === 'published' ? 'draft' : 'published';
    if (row.status !== from)
      throw new AppError('CONFLICT', {
        detail: to === 'published' ? '只有草稿可以发布' : '只有已发布的问卷可以结束',
        detailEn: to === 'published' ? 'only a draft can be published' : 'only a published survey can be closed',
      });
    const now = new Date();
    await tx
      .update(surveys)
      .set({ status: to, updatedAt: now, ...(to === 'published' ? { publishedAt: now } : { closedAt: now }) })
      .where(and(eq(surveys.id, id), eq(surveys.status, from)));
    await auditChange(tx, actor, owner, to === 'published' ? 'survey.publish' : 'survey.close', ['survey', id], {
      title: row.title,
    });
  });
}

/** The county's minimum sample (default 30). */
export async function minSampleOf(db: DbOrTx, countyId: string): Promise<number> {
  const [r] = await db.select({ n: surveyRules.minSample }).from(surveyRules).where(eq(surveyRules.countyId, countyId));
  return r?.n ?? DEFAULT_MIN_SAMPLE;
}

export async function getSurveyRules({ db, actor, countyId }: Ctx & { countyId: string }) {
  const county = await loadCounty(db, actor, countyId, canReadSurveyRules);
  return {
    minSample: await minSampleOf(db, countyId),
    countyName: county.name,
    canEdit: canSetSurveyRules(actor, county),
  };
}

export async function setSurveyRules({
  db,
  actor,
  countyId,
  minSample,
}: Ctx & { countyId: string; minSample: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const county = await loadCounty(tx, actor, countyId, canReadSurveyRules);
    if (!canSetSurveyRules(actor, county)) throw forbidden();
    const before = await minSampleOf(tx, countyId);
    await tx
      .insert(surveyRules)
      .values({ countyId, minSample, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: surveyRules.countyId,
        set: { minSample, updatedBy: actor.userId, updatedAt: new Date() },
      });
    await auditChange(tx, actor, county, 'survey.rules', ['survey_rules', countyId], {
      minSample: { from: before, to: minSample },
    });
  });
}
