import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { auditChange, recordAudit } from '../../server/audit';
import type { Db, DbOrTx } from '../../server/db/client';
import { sqlRows } from '../../server/db/sql';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike, type NodeBrief } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { reachPaths } from '../../shared/actor';
import { AppError, fieldError, forbidden } from '../../shared/app-error';
import { chinaToday } from '../../shared/china-time';
import { normalizePhone } from '../../shared/phone';
import { RESIDENT_ROLES } from '../../shared/roles';
import { matchResidents, residentRef } from '../people';
import type { ResidentPrincipal } from '../portal';
import { answerIssues, type Answers } from './survey-questions';
import type { OpenSurvey, ResponseMethod, SurveyAnswer, SurveyForm } from './surveys.contract';
import { canEnterPaper } from './surveys.policy';
import { loadSurvey, type SurveyRow } from './surveys.service';
import { surveyAnswers, surveyRespondents, surveys } from './surveys.table';

/** Answered once already: the one-response rule's answer (409). */
const answeredAlready = () =>
  new AppError('CONFLICT', {
    detail: '该居民已经填写过这份问卷，每人只能填写一次',
    detailEn: 'this resident has already answered this survey; one response per resident',
    refusal: 'answered',
  });

/** The survey takes answers today: published and inside its window (China dates). */
function checkOpen(row: SurveyRow, today = chinaToday()): void {
  if (row.status === 'closed' || (row.status === 'published' && today > row.closesOn))
    throw new AppError('CONFLICT', { detail: '问卷已结束', detailEn: 'the survey has closed', refusal: 'closed' });
  if (row.status !== 'published' || today < row.opensOn)
    throw new AppError('CONFLICT', {
      detail: `问卷还没有开始，${row.opensOn} 开始`,
      detailEn: `the survey is not open yet; it opens on ${row.opensOn}`,
      refusal: 'early',
    });
}

/** Empty answers (a blank text, no option ticked) are no answers. */
function withoutEmpty(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).filter(([, a]) =>
      typeof a === 'string'
        ? a.trim() !== ''
        : Array.isArray(a)
          ? a.length > 0
          : typeof a === 'object'
            ? Object.keys(a).length > 0
            : true,
    ),
  );
}

/**
 * Writes one response: checked against the questions (nothing written on a bad answer), the
 * respondent row first — its primary key holds the one-response rule under simultaneous
 * submissions (the second waits for the first and finds it: 409) — then the answers, which for
 * an anonymous survey carry no resident and only the day.
 */
async function recordResponse(
  tx: DbOrTx,
  row: SurveyRow,
  resident: { id: string; nodeId: string },
  input: Answers,
  method: ResponseMethod,
  enteredBy: string | null,
): Promise<void> {
  checkOpen(row);
  const answers = withoutEmpty(input);
  const issues = answerIssues(row.questions, answers);
  if (issues.length) throw new AppError('VALIDATION_FAILED', {}, { issues });
  const today = chinaToday();
  const inserted = await tx
    .insert(surveyRespondents)
    .values({ surveyId: row.id, residentId: resident.id, answeredOn: today, method, enteredBy })
    .onConflictDoNothing()
    .returning({ id: surveyRespondents.residentId });
  if (inserted.length === 0) throw answeredAlready();
  await tx.insert(surveyAnswers).values({
    surveyId: row.id,
    anonymous: row.anonymous,
    residentId: row.anonymous ? null : resident.id,
    nodeId: resident.nodeId,
    answeredOn: today,
    answers,
  });
}

/** The resident, if they live under the survey's node (a county's, a town's or a centre's residents). */
async function residentUnder(db: DbOrTx, residentId: string, owner: { path: string }) {
  const r = await residentRef(db, residentId);
  return r && !r.anonymized && r.path.startsWith(owner.path) ? r : null;
}

/** Staff enter a resident's paper form: the resident must live in their own reach and under the survey's node. */
export async function enterPaper({
  db,
  actor,
  id,
  residentId,
  answers,
}: Ctx & { id: string; residentId: string; answers: Answers }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, owner } = await loadSurvey(tx, actor, id);
    if (!canEnterPaper(actor, owner)) throw forbidden();
    const r = await residentUnder(tx, residentId, owner);
    if (!r || !reachPaths(actor, RESIDENT_ROLES).some((p) => r.path.startsWith(p)))
      throw fieldError(
        'residentId',
        '找不到该居民，或不在您的管理范围和问卷的发布范围内',
        'Resident not found, or outside your reach and the survey’s',
      );
    await recordResponse(tx, row, r, answers, 'paper', actor.userId);
    // Who entered whose form is audited; the answers are not (an anonymous survey stays so).
    const node = row.anonymous ? owner : { id: r.nodeId, path: r.path };
    await auditChange(tx, actor, node, 'survey.paper', ['survey', id], {
      title: row.title,
      ...(row.anonymous ? {} : { resident: r.name, residentId: r.id }),
    });
  });
}

/** Residents in the actor's reach under the survey's node, matching `q`, and whether each answered. */
export async function searchSurveyRoster({ db, actor, id, q }: Ctx & { id: string; q: string }) {
  const { owner } = await loadSurvey(db, actor, id);
  if (!canEnterPaper(actor, owner)) throw forbidden();
  const paths = reachPaths(actor, RESIDENT_ROLES)
    .map((p) => (p.startsWith(owner.path) ? p : owner.path.startsWith(p) ? owner.path : null))
    .filter((p): p is string => p !== null);
  if (paths.length === 0) return { items: [] };
  const hits = await matchResidents(db, { countyId: owner.path.split('/')[1], paths, q, limit: 20 });
  const done = hits.length
    ? await db
        .select({ id: surveyRespondents.residentId })
        .from(surveyRespondents)
        .where(
          and(
            eq(surveyRespondents.surveyId, id),
            inArray(
              surveyRespondents.residentId,
              hits.map((h) => h.id),
            ),
          ),
        )
    : [];
  const answered = new Set(done.map((d) => d.id));
  return { items: hits.map((h) => ({ ...h, answered: answered.has(h.id) })) };
}

/** The QR poster of a published survey: its phone address and code. */
export async function getPoster({ db, actor, id, origin }: Ctx & { id: string; origin: string }) {
  const { row, owner } = await loadSurvey(db, actor, id);
  if (!canEnterPaper(actor, owner)) throw forbidden();
  if (row.status !== 'published')
    throw new AppError('CONFLICT', {
      detail: '只有已发布的问卷有二维码海报',
      detailEn: 'only a published survey has a poster',
    });
  const url = surveyUrl(origin, id, 'poster');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { url, svg, title: row.title, ownerName: owner.name };
}

/** The phone page of a survey (…?via=poster when opened from a printed poster). */
export const surveyUrl = (origin: string, id: string, via?: 'poster') =>
  `${origin}/m/q/${id}${via ? `?via=${via}` : ''}`;

/** A published survey as the phone loads it, with its owner; anything else is not found. */
async function publicSurvey(db: DbOrTx, id: string): Promise<{ row: SurveyRow; owner: NodeBrief }> {
  const [r] = await db
    .select({
      row: surveys,
      owner: { id: orgNodes.id, name: orgNodes.name, path: orgNodes.path, level: orgNodes.level },
    })
    .from(surveys)
    .innerJoin(orgNodes, eq(orgNodes.id, surveys.ownerNodeId))
    .where(eq(surveys.id, id));
  if (!r || r.row.status === 'draft') throw new AppError('NOT_FOUND');
  return r;
}

async function hasAnswered(db: DbOrTx, surveyId: string, residentId: string): Promise<boolean> {
  const [r] = await db
    .select({ id: surveyRespondents.residentId })
    .from(surveyRespondents)
    .where(and(eq(surveyRespondents.surveyId, surveyId), eq(surveyRespondents.residentId, residentId)));
  return !!r;
}

type PhoneCtx = { db: Db; id: string; resident: ResidentPrincipal | null };

/** The survey for the phone page; the signed-in resident (if they live under it) and whether they answered. */
export async function getSurveyForm({ db, id, resident }: PhoneCtx): Promise<SurveyForm> {
  const { row, owner } = await publicSurvey(db, id);
  checkOpen(row);
  const me = resident ? await residentUnder(db, resident.residentId, owner) : null;
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    ownerName: owner.name,
    anonymous: row.anonymous,
    closesOn: row.closesOn,
    questions: row.questions,
    resident: me && resident ? { name: me.name, answered: await hasAnswered(db, id, me.id) } : null,
    csrfToken: me && resident ? resident.csrfToken : null,
  };
}

/** The resident on the roster under the survey's node with this phone and name (one, or none). */
async function rosterMatch(db: DbOrTx, owner: { path: string }, phone: string, name: string) {
  const rows = await sqlRows<{ id: string; nodeId: string }>(
    db,
    sql`select r.id, r.node_id as "nodeId" from residents r join org_nodes n on n.id = r.node_id
        where r.county_id = ${owner.path.split('/')[1]}::uuid and r.phone = ${phone} and r.name = ${name}
          and r.anonymized_at is null and n.path like ${`${escapeLike(owner.path)}%`}
        limit 2`,
  );
  return rows.length === 1 ? rows[0] : null;
}

/**
 * A resident answers on their phone: the phone's resident session (its CSRF token sent back), or
 * the phone number and name as the roster under the survey's node has them. One response each.
 */
export async function answerSurvey({
  db,
  id,
  resident,
  csrfHeader,
  input,
}: PhoneCtx & { csrfHeader?: string; input: SurveyAnswer }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, owner } = await publicSurvey(tx, id);
    checkOpen(row);
    let who: { id: string; nodeId: string } | null = null;
    if (resident) {
      if (csrfHeader !== resident.csrfToken) throw new AppError('CSRF_FAILED');
      const me = await residentUnder(tx, resident.residentId, owner);
      if (!me)
        throw new AppError('CONFLICT', {
          detail: `这份问卷面向${owner.name}的居民`,
          detailEn: `this survey is for the residents of “${owner.name}”`,
          refusal: 'outside',
        });
      who = me;
    } else {
      if (!input.phone) throw fieldError('phone', '请填写手机号', 'Enter your phone number');
      if (!input.name) throw fieldError('name', '请填写姓名', 'Enter your name');
      who = await rosterMatch(tx, owner, normalizePhone(input.phone), input.name);
      if (!who)
        throw new AppError('CONFLICT', {
          detail: `在${owner.name}的居民名册中没有找到这个手机号和姓名，请核对或请工作人员帮助`,
          detailEn: `no resident of “${owner.name}” has this phone number and name; check them or ask the staff`,
          refusal: 'unknown',
        });
    }
    await recordResponse(tx, row, who, input.answers, resident ? 'phone' : input.via, null);
    // The trail records that the survey was answered, never by whom (an anonymous survey stays so).
    await recordAudit(tx, {
      node: owner,
      action: 'survey.answer',
      entityType: 'survey',
      entityId: id,
      actorName: '居民',
      summary: { title: row.title, method: resident ? 'phone' : input.via },
    });
  });
}

/** Surveys open today to the resident (published to a node above their home), not yet answered by them. */
export async function openSurveysFor(db: DbOrTx, resident: { residentId: string }): Promise<OpenSurvey[]> {
  const r = await residentRef(db, resident.residentId);
  if (!r || r.anonymized) return [];
  const today = chinaToday();
  const rows = await db
    .select({ id: surveys.id, title: surveys.title, ownerName: orgNodes.name, closesOn: surveys.closesOn })
    .from(surveys)
    .innerJoin(orgNodes, eq(orgNodes.id, surveys.ownerNodeId))
    .where(
      and(
        eq(surveys.status, 'published'),
        lte(surveys.opensOn, today),
        gte(surveys.closesOn, today),
        sql`${r.path} like ${orgNodes.path} || '%'`,
        sql`not exists (select 1 from ${surveyRespondents} where ${surveyRespondents.surveyId} = ${surveys.id} and ${surveyRespondents.residentId} = ${r.id})`,
      ),
    )
    .orderBy(asc(surveys.closesOn), asc(surveys.title));
  return rows;
}
