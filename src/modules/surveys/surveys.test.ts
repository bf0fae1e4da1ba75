import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { activatedResident, buildResidentWithPhone, phoneClient } from '../../../test/signin-factories';
import { useWorldServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { chinaToday } from '../../shared/china-time';
import { RATE_SURVEY_TEMPLATE } from './survey-template';
import { surveyAnswers, surveyRespondents } from './surveys.table';

const { s, w, clients } = useWorldServer(
  'a_town_admin',
  'a_centre_manager',
  'a_leader',
  'b_town_admin',
  'a_county_admin',
);
const [town, centre, leader, otherTown, county] = clients;
const today = chinaToday();

/** A survey of every question type with a show-if, published at `nodeId`. */
const questions = [
  {
    id: 'q1',
    type: 'single',
    title: '您是否听说过社区教育？',
    required: true,
    options: [
      { id: 'y', label: '听说过' },
      { id: 'n', label: '没听说过' },
    ],
  },
  {
    id: 'q2',
    type: 'multiple',
    title: '您从哪里听说的？',
    required: true,
    options: [
      { id: 'tv', label: '电视' },
      { id: 'wx', label: '微信' },
    ],
    showIf: { questionId: 'q1', optionIds: ['y'] },
  },
  { id: 'q3', type: 'rating', title: '总体满意度', required: true },
  {
    id: 'q4',
    type: 'matrix',
    title: '各项评价',
    required: true,
    options: [
      { id: 'good', label: '好' },
      { id: 'bad', label: '差' },
    ],
    rows: [
      { id: 'r1', label: '课程' },
      { id: 'r2', label: '老师' },
    ],
  },
  { id: 'q5', type: 'text', title: '您的年龄段' },
  { id: 'q6', type: 'longtext', title: '建议' },
];
const survey = (nodeId: string, v: Record<string, unknown> = {}) => ({
  ownerNodeId: nodeId,
  title: '社区教育调查',
  kind: 'needs',
  anonymous: false,
  opensOn: today,
  closesOn: '2099-12-31',
  questions,
  ...v,
});
const good = { q1: 'y', q2: ['wx'], q3: 4, q4: { r1: 'good', r2: 'bad' }, q6: '多开书法课' };

async function published(v: Record<string, unknown> = {}, nodeId = w.nodes.A1.id): Promise<string> {
  const r = await town.req('POST', '/api/surveys', survey(nodeId, v));
  expect(r.statusCode, r.body).toBe(201);
  expect((await town.req('POST', `/api/surveys/${r.json().id}/publish`)).statusCode).toBe(200);
  return r.json().id;
}

let rid: string;
let rid2: string;
beforeAll(async () => {
  rid = await buildResidentWithPhone(s.database, w.nodes.A1a, { name: '王秀英', phone: '13900001111' });
  rid2 = await buildResidentWithPhone(s.database, w.nodes.A1b, { name: '李建国', phone: '13900002222' });
});

describe('writing surveys', () => {
  it('creates a draft, edits it, publishes it; then its questions are fixed; every step audited', async () => {
    const r = await town.req('POST', '/api/surveys', survey(w.nodes.A1.id));
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    expect((await town.req('PUT', `/api/surveys/${id}`, { ...survey(w.nodes.A1.id), title: '改名' })).statusCode).toBe(
      200,
    );
    expect((await town.req('POST', `/api/surveys/${id}/publish`)).statusCode).toBe(200);
    const d = (await town.req('GET', `/api/surveys/${id}`)).json();
    expect(d).toMatchObject({ title: '改名', status: 'published', permissions: { edit: false, publish: true } });
    const again = await town.req('PUT', `/api/surveys/${id}`, survey(w.nodes.A1.id));
    expect(again.statusCode).toBe(409);
    expect((await town.req('POST', `/api/surveys/${id}/close`)).statusCode).toBe(200);
    const actions = await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(actions.map((a) => a.action)).toEqual(['survey.create', 'survey.update', 'survey.publish', 'survey.close']);
  });

  it('refuses bad questions with a field error per problem, and writes nothing', async () => {
    const bad = [
      { ...questions[0], options: [{ id: 'y', label: '是' }] },
      { ...questions[1], showIf: { questionId: 'q9', optionIds: ['y'] } },
      { ...questions[2], feeds: { rate: 'satisfaction', yes: ['4', '5'] } },
    ];
    const r = await town.req('POST', '/api/surveys', survey(w.nodes.A1.id, { title: '坏问卷', questions: bad }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'questions.0.options',
      'questions.1.showIf',
      'questions.2.feeds',
    ]);
    expect(r.json().error.issues[0].messageEn).toMatch(/two options/);
    const list = (await town.req('GET', '/api/surveys?q=坏问卷')).json();
    expect(list.total).toBe(0);
  });

  it('the ready rate template is a valid rate survey with each rate marked', async () => {
    const r = await town.req('POST', '/api/surveys', {
      ownerNodeId: w.nodes.A1.id,
      ...RATE_SURVEY_TEMPLATE,
      opensOn: today,
      closesOn: today,
    });
    expect(r.statusCode, r.body).toBe(201);
    const fed = RATE_SURVEY_TEMPLATE.questions.filter((q) => q.feeds).map((q) => q.feeds!.rate);
    expect(fed.sort()).toEqual(['approval', 'awareness', 'satisfaction']);
  });

  it('a centre manager may not publish at the town; another county’s admin does not see it', async () => {
    const r = await centre.req('POST', '/api/surveys', survey(w.nodes.A1.id, { title: '越级' }));
    expect(r.statusCode).toBe(403);
    const id = await published({ title: '镇问卷' });
    expect((await otherTown.req('GET', `/api/surveys/${id}`)).statusCode).toBe(404);
    // The centre manager reads the town's survey (it reaches their residents) but may not close it.
    expect((await centre.req('GET', `/api/surveys/${id}`)).json().permissions).toEqual({
      edit: false,
      publish: false,
      enter: true,
    });
    expect((await centre.req('POST', `/api/surveys/${id}/close`)).statusCode).toBe(403);
  });
});

describe('answering', () => {
  it('checks every answer against the questions: clear field errors, never 500, nothing written', async () => {
    const id = await published({ title: '校验' });
    const send = (answers: Record<string, unknown>) =>
      town.req('POST', `/api/surveys/${id}/paper`, { residentId: rid, answers });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...good, q9: 'x' }, 'answers.q9', /no such question/],
      [{ ...good, q1: 'maybe' }, 'answers.q1', /does not fit/],
      [{ ...good, q3: 6 }, 'answers.q3', /does not fit/],
      [{ ...good, q4: { r1: 'good' } }, 'answers.q4', /every row/],
      [{ ...good, q4: { r1: 'good', r3: 'bad' } }, 'answers.q4', /does not fit/],
      [{ ...good, q1: 'n' }, 'answers.q2', /hidden/],
      [{ q1: 'y', q3: 4, q4: good.q4 }, 'answers.q2', /required/],
      [{ ...good, q5: 'x'.repeat(201) }, 'answers.q5', /At most 200/],
    ];
    for (const [answers, path, en] of cases) {
      const r = await send(answers);
      expect(r.statusCode, JSON.stringify(answers)).toBe(400);
      const issue = r.json().error.issues.find((i: { path: string }) => i.path === path);
      expect(issue, r.body).toBeTruthy();
      expect(issue.messageEn).toMatch(en);
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await s.database.db.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, id))).toEqual([]);
    expect(await s.database.db.select().from(surveyRespondents).where(eq(surveyRespondents.surveyId, id))).toEqual([]);
    // A hidden question may stay unanswered.
    expect((await send({ q1: 'n', q3: 2, q4: good.q4 })).statusCode).toBe(201);
  });

  it('one response per resident: a second paper form gets 409; simultaneous submissions leave exactly one row', async () => {
    const id = await published({ title: '一人一份' });
    const send = () => town.req('POST', `/api/surveys/${id}/paper`, { residentId: rid, answers: good });
    const results = await Promise.all([send(), send(), send(), send()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json().error.message).toMatch(/已经填写过/);
    expect(await s.database.db.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, id))).toHaveLength(1);
    expect(await s.database.db.select().from(surveyRespondents).where(eq(surveyRespondents.surveyId, id))).toHaveLength(
      1,
    );
    // And from two phones at once, by phone + name.
    const phones = [phoneClient(s.app), phoneClient(s.app)];
    const both = await Promise.all(
      phones.map((p) =>
        p.req('POST', `/api/survey-form/${id}`, { phone: '13900002222', name: '李建国', answers: good }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.headers['x-survey-refusal']).toBe('answered');
  });

  it('an anonymous survey keeps who answered apart from the answers: no resident, no order, only the day', async () => {
    const id = await published({ title: '匿名', anonymous: true });
    for (const r of [rid, rid2])
      expect((await town.req('POST', `/api/surveys/${id}/paper`, { residentId: r, answers: good })).statusCode).toBe(
        201,
      );
    const answers = await s.database.query<Record<string, unknown>>(
      `select * from survey_answers where survey_id = $1`,
      [id],
    );
    expect(answers).toHaveLength(2);
    for (const a of answers) {
      expect(a.resident_id).toBeNull();
      expect(Object.keys(a).sort()).toEqual([
        'anonymous',
        'answered_on',
        'answers',
        'id',
        'node_id',
        'resident_id',
        'survey_id',
      ]);
    }
    // The id is random (no sequence to line up with the respondents), and the column types say day only.
    const cols = await s.database.query<{ column_name: string; data_type: string; column_default: string | null }>(
      `select column_name, data_type, column_default from information_schema.columns where table_name = 'survey_answers'`,
    );
    expect(cols.find((c) => c.column_name === 'id')).toMatchObject({
      data_type: 'uuid',
      column_default: 'gen_random_uuid()',
    });
    expect(cols.find((c) => c.column_name === 'answered_on')!.data_type).toBe('date');
    expect(cols.filter((c) => /timestamp/.test(c.data_type))).toEqual([]);
    const who = await s.database.query<Record<string, unknown>>(
      `select * from survey_respondents where survey_id = $1 order by resident_id`,
      [id],
    );
    expect(who.map((x) => x.resident_id).sort()).toEqual([rid, rid2].sort());
    // The database refuses a resident on an anonymous answer.
    await expect(
      s.database.query(
        `insert into survey_answers (survey_id, anonymous, resident_id, node_id, answered_on, answers) values ($1, true, $2, $3, current_date, '{}')`,
        [id, rid, w.nodes.A1a.id],
      ),
    ).rejects.toThrow(/survey_answers_anonymous_chk/);
    // The audit trail names no resident for an anonymous paper form.
    const trail = await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(JSON.stringify(trail.filter((t) => t.action === 'survey.paper'))).not.toContain(rid);
  });

  it('a phone answers by phone + name on the roster under the survey’s node; others are refused', async () => {
    const id = await published({ title: '村问卷' }, w.nodes.A1a.id);
    const p = phoneClient(s.app);
    const form = await p.req('GET', `/api/survey-form/${id}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ title: '村问卷', resident: null });
    // 李建国 lives in A1b, not under this centre.
    const outside = await p.req('POST', `/api/survey-form/${id}`, {
      phone: '13900002222',
      name: '李建国',
      answers: good,
    });
    expect(outside.statusCode, outside.body).toBe(409);
    expect(outside.headers['x-survey-refusal']).toBe('unknown');
    const ok = await p.req('POST', `/api/survey-form/${id}`, {
      phone: '139 0000 1111',
      name: '王秀英',
      via: 'poster',
      answers: good,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const [who] = await s.database.db.select().from(surveyRespondents).where(eq(surveyRespondents.surveyId, id));
    expect(who).toMatchObject({ residentId: rid, method: 'poster', answeredOn: today });
  });

  it('a draft or closed survey takes no answers', async () => {
    const r = await town.req('POST', '/api/surveys', survey(w.nodes.A1.id, { title: '草稿' }));
    const draft = r.json().id;
    expect((await phoneClient(s.app).req('GET', `/api/survey-form/${draft}`)).statusCode).toBe(404);
    const id = await published({ title: '将结束' });
    await town.req('POST', `/api/surveys/${id}/close`);
    const late = await town.req('POST', `/api/surveys/${id}/paper`, { residentId: rid, answers: good });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.messageEn).toMatch(/closed/);
  });
});

describe('results', () => {
  it('counts each option with its sample, per centre; a leader reads, the other county does not', async () => {
    const id = await published({ title: '结果' });
    await town.req('POST', `/api/surveys/${id}/paper`, { residentId: rid, answers: good });
    await town.req('POST', `/api/surveys/${id}/paper`, {
      residentId: rid2,
      answers: { q1: 'n', q3: 5, q4: { r1: 'bad', r2: 'bad' } },
    });
    const r = (await leader.req('GET', `/api/surveys/${id}/results`)).json();
    expect(r.respondents).toBe(2);
    const q1 = r.questions.find((q: { id: string }) => q.id === 'q1');
    expect(q1).toMatchObject({
      answered: 2,
      counts: [
        { id: 'y', count: 1 },
        { id: 'n', count: 1 },
      ],
    });
    const q2 = r.questions.find((q: { id: string }) => q.id === 'q2');
    expect(q2.answered).toBe(1);
    expect(r.questions.find((q: { id: string }) => q.id === 'q3').average).toBe(4.5);
    const q4 = r.questions.find((q: { id: string }) => q.id === 'q4');
    expect(q4.rows[1]).toMatchObject({ id: 'r2', answered: 2, counts: [{ count: 0 }, { count: 2 }] });
    const one = (await leader.req('GET', `/api/surveys/${id}/results?nodeId=${w.nodes.A1a.id}`)).json();
    expect(one).toMatchObject({ respondents: 1, nodeName: w.nodes.A1a.name });
    expect((await otherTown.req('GET', `/api/surveys/${id}/results`)).statusCode).toBe(404);
    const x = await leader.req('GET', `/api/surveys/${id}/results.xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
  });
});

describe('the rates feed the indicators', () => {
  it('awareness, approval and satisfaction come from the year’s rate surveys, with the county’s minimum sample', async () => {
    const r = await town.req('POST', '/api/surveys', {
      ownerNodeId: w.nodes.A1.id,
      ...RATE_SURVEY_TEMPLATE,
      opensOn: today,
      closesOn: '2099-12-31',
    });
    const id = r.json().id;
    await town.req('POST', `/api/surveys/${id}/publish`);
    const answer = (aware: string, approve: string, satisfied: number) => ({ aware, approve, satisfied });
    expect(
      (await town.req('POST', `/api/surveys/${id}/paper`, { residentId: rid, answers: answer('know', 'agree', 5) }))
        .statusCode,
    ).toBe(201);
    expect(
      (await town.req('POST', `/api/surveys/${id}/paper`, { residentId: rid2, answers: answer('no', 'agree', 3) }))
        .statusCode,
    ).toBe(201);
    const year = Number(today.slice(0, 4));
    const value = async (nodeId: string, measure: string) =>
      (await county.req('GET', `/api/indicators?nodeId=${nodeId}&year=${year}`))
        .json()
        .values.find((v: { measure: string }) => v.measure === measure);
    // Two respondents: fewer than the default minimum of 30.
    expect(await value(w.nodes.A1.id, 'satisfaction_rate')).toMatchObject({
      value: null,
      numerator: 1,
      denominator: 2,
      status: 'small_sample',
    });
    expect((await county.req('PUT', `/api/survey-rules/${w.nodes.A.id}`, { minSample: 2 })).statusCode).toBe(200);
    expect(await value(w.nodes.A1.id, 'satisfaction_rate')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(await value(w.nodes.A1.id, 'awareness_rate')).toMatchObject({ value: 50, status: 'missed' });
    expect(await value(w.nodes.A1.id, 'approval_rate')).toMatchObject({ value: 100, status: 'met' });
    // Under one centre: one respondent, below the minimum of 2.
    expect(await value(w.nodes.A1a.id, 'approval_rate')).toMatchObject({ denominator: 1, status: 'small_sample' });
    // A draft rate survey counts for nothing; nor does another town's.
    expect(await value(w.nodes.A2.id, 'approval_rate')).toMatchObject({ value: null, status: 'no_data' });
    await county.req('PUT', `/api/survey-rules/${w.nodes.A.id}`, { minSample: 30 });
  });
});

describe('a resident signed in on the phone', () => {
  it('answers as themselves with the session’s CSRF token; their open surveys drop the answered one', async () => {
    const id = await published({ title: '登录居民问卷' });
    const {
      rid: me,
      phone,
      csrfToken,
    } = await activatedResident(s, town, w.nodes.A1b, {
      name: '赵丽',
      phone: '13900003333',
      password: 'Resident-2026',
    });
    const mine = async () =>
      (await phone.req('GET', '/api/resident/surveys')).json().items.map((x: { id: string }) => x.id);
    expect(await mine()).toContain(id);
    const form = (await phone.req('GET', `/api/survey-form/${id}`)).json();
    expect(form).toMatchObject({ resident: { name: '赵丽', answered: false }, csrfToken });
    // Without the session's token: refused, nothing written.
    const forged = await phone.req('POST', `/api/survey-form/${id}`, { answers: good });
    expect(forged.statusCode).toBe(403);
    phone.setCsrf(csrfToken);
    const ok = await phone.req('POST', `/api/survey-form/${id}`, { answers: good });
    expect(ok.statusCode, ok.body).toBe(201);
    const [row] = await s.database.db.select().from(surveyRespondents).where(eq(surveyRespondents.residentId, me));
    expect(row).toMatchObject({ surveyId: id, method: 'phone' });
    expect(await mine()).not.toContain(id);
    expect((await phone.req('GET', `/api/survey-form/${id}`)).json().resident.answered).toBe(true);
  });
});
