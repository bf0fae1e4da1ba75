import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DemoContext } from '../../db/demo-context';
import { demoRandom } from '../../db/demo-random';
import { chinaToday } from '../../shared/china-time';
import { residents } from '../people/people.table';
import { answerIssues, type Answers, type Question, ZQuestions } from './survey-questions';
import { NEEDS_SURVEY_TEMPLATE, RATE_SURVEY_TEMPLATE } from './survey-template';
import { surveyAnswers, surveyRespondents, surveys } from './surveys.table';

/** A date `days` before `date` (YYYY-MM-DD), never before `floor`. */
const daysBefore = (date: string, days: number, floor: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  const out = d.toISOString().slice(0, 10);
  return out < floor ? floor : out;
};

/**
 * The demo's surveys: the county's published 知晓率/认同率/满意率 survey (anonymous) with 42
 * invented responses across the county, and 云台镇's learning-needs survey with 24. Both opened
 * three weeks ago (never before this year's 1 January) and stay open a month.
 */
export async function seedSurveys({ tx, nodes, users, countyId }: DemoContext): Promise<void> {
  const today = chinaToday();
  const opensOn = daysBefore(today, 21, `${today.slice(0, 4)}-01-01`);
  const closesOn = daysBefore(today, -30, today);
  const town = nodes.get('云台镇')!;
  const pool = await tx
    .select({ id: residents.id, nodeId: residents.nodeId })
    .from(residents)
    .where(and(eq(residents.countyId, countyId), isNull(residents.anonymizedAt)))
    .orderBy(asc(residents.id));
  const rnd = demoRandom('surveys');

  const write = async (
    s: {
      owner: string;
      title: string;
      intro: string;
      kind: 'needs' | 'rates';
      anonymous: boolean;
      questions: Question[];
    },
    who: { id: string; nodeId: string }[],
    answer: () => Answers,
  ) => {
    const [row] = await tx
      .insert(surveys)
      .values({
        ownerNodeId: s.owner,
        kind: s.kind,
        title: s.title,
        intro: s.intro,
        anonymous: s.anonymous,
        opensOn,
        closesOn,
        status: 'published',
        questions: s.questions,
        createdBy: users.get('county') ?? null,
        publishedAt: new Date(),
      })
      .returning({ id: surveys.id });
    for (const r of who) {
      const on = daysBefore(today, rnd.int(0, 20), opensOn);
      const method = rnd.pick(['phone', 'poster', 'paper'] as const);
      await tx.insert(surveyRespondents).values({
        surveyId: row.id,
        residentId: r.id,
        answeredOn: on,
        method,
        enteredBy: method === 'paper' ? (users.get('centre') ?? null) : null,
      });
      const answers = answer();
      // The demo's answers pass the same check as anyone's.
      const issues = answerIssues(s.questions, answers);
      if (issues.length) throw new Error(`demo survey answer refused: ${JSON.stringify(issues)}`);
      await tx.insert(surveyAnswers).values({
        surveyId: row.id,
        anonymous: s.anonymous,
        residentId: s.anonymous ? null : r.id,
        nodeId: r.nodeId,
        answeredOn: on,
        answers,
      });
    }
  };

  // 42 respondents across the county: most know and approve; about three in four satisfied.
  const rateQuestions = ZQuestions.parse(RATE_SURVEY_TEMPLATE.questions);
  const sample = [...pool].sort(() => rnd.next() - 0.5).slice(0, 42);
  const advice = ['希望多开智能手机课', '晚上的课多一些', '书法班很好', '希望有更多亲子活动'];
  await write({ owner: countyId, ...RATE_SURVEY_TEMPLATE, questions: rateQuestions }, sample, () => {
    const a: Answers = {
      aware: rnd.pick(['know', 'know', 'heard', 'heard', 'no']),
      approve: rnd.pick(['agree', 'agree', 'agree', 'partly', 'disagree']),
      satisfied: rnd.pick([5, 5, 4, 4, 4, 3, 2]),
      parts: {
        content: rnd.pick(['good', 'good', 'ok']),
        teacher: rnd.pick(['good', 'ok']),
        time: rnd.pick(['good', 'ok', 'bad']),
        place: rnd.pick(['good', 'ok']),
      },
    };
    if (rnd.chance(0.3)) a.advice = rnd.pick(advice);
    return a;
  });

  // 24 residents of 云台镇 on what they would like to learn.
  const underTown = new Set([...nodes.values()].filter((n) => n.path.startsWith(town.path)).map((n) => n.id));
  const needsSample = pool.filter((r) => underTown.has(r.nodeId)).slice(0, 24);
  const topics = ['health', 'phone', 'culture', 'skills', 'family', 'law'];
  await write(
    { owner: town.id, ...NEEDS_SURVEY_TEMPLATE, questions: ZQuestions.parse(NEEDS_SURVEY_TEMPLATE.questions) },
    needsSample,
    () => ({
      topics: topics
        .filter(() => rnd.chance(0.4))
        .concat(rnd.pick(['phone', 'health']))
        .filter((v, i, l) => l.indexOf(v) === i),
      when: rnd.pick(['morning', 'evening', 'weekend']),
      ...(rnd.chance(0.2) ? { other: rnd.pick(['太极拳', '短视频拍摄', '防诈骗知识']) } : {}),
    }),
  );
}
