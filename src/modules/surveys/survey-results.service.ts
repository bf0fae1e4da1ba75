import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike, loadNodeFor, underAnyPath } from '../../server/tree-scope';
import type { ListExport } from '../../server/xlsx-export';
import type { Ctx } from '../../server/types';
import { reachPaths } from '../../shared/actor';
import { chosen, RATE_LABELS, RATES, type Answers, type Question, type Rate } from './survey-questions';
import type { QuestionResult, Results } from './surveys.contract';
import { SURVEY_READER_ROLES } from './surveys.policy';
import { loadSurvey, minSampleOf } from './surveys.service';
import { surveyAnswers, surveys } from './surveys.table';

const TEXTS_MAX = 200;

/** One question's tallies over a set of answers. */
function tally(q: Question, all: Answers[]): QuestionResult {
  const given = all.filter((a) => a[q.id] !== undefined);
  const count = (ids: string[], labels: Map<string, string>, picks: string[][]) =>
    ids.map((id) => ({ id, label: labels.get(id) ?? id, count: picks.filter((p) => p.includes(id)).length }));
  const labels = new Map(q.options.map((o) => [o.id, o.label]));
  const out: QuestionResult = {
    id: q.id,
    title: q.title,
    type: q.type,
    answered: given.length,
    counts: [],
    rows: [],
    texts: [],
    average: null,
    rate: null,
  };
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'rating') {
    const picks = given.map((a) => chosen(q, a[q.id]));
    const ids = q.type === 'rating' ? ['1', '2', '3', '4', '5'] : q.options.map((o) => o.id);
    out.counts = count(ids, q.type === 'rating' ? new Map(ids.map((i) => [i, `${i} 分`])) : labels, picks);
    if (q.type === 'rating' && given.length)
      out.average = Math.round((given.reduce((s, a) => s + Number(a[q.id]), 0) / given.length) * 100) / 100;
    if (q.feeds) {
      const yes = picks.filter((p) => p.some((id) => q.feeds!.yes.includes(id))).length;
      out.rate = { rate: q.feeds.rate, yes, of: given.length };
    }
  } else if (q.type === 'matrix') {
    out.rows = q.rows.map((row) => {
      const picks = given
        .map((a) => (a[q.id] as Record<string, string>)[row.id])
        .filter((v): v is string => v !== undefined)
        .map((v) => [v]);
      return {
        id: row.id,
        label: row.label,
        answered: picks.length,
        counts: count(
          q.options.map((o) => o.id),
          labels,
          picks,
        ),
      };
    });
  } else {
    out.texts = given.map((a) => String(a[q.id])).slice(0, TEXTS_MAX);
  }
  return out;
}

/** The node results are filtered to (a town or centre the reader reaches), or none: all in reach. */
async function resultScope(ctx: Ctx, owner: { path: string }, nodeId: string | undefined) {
  const reach = reachPaths(ctx.actor, SURVEY_READER_ROLES);
  if (!nodeId) return { node: null, paths: reach };
  const node = await loadNodeFor(
    ctx.db,
    nodeId,
    (n) =>
      (n.path.startsWith(owner.path) || owner.path.startsWith(n.path)) &&
      reach.some((p) => n.path.startsWith(p) || p.startsWith(n.path)),
  );
  // The narrower of the node and each reach path.
  const paths = reach.flatMap((p) => (node.path.startsWith(p) ? [node.path] : p.startsWith(node.path) ? [p] : []));
  return { node, paths };
}

/** Results per question of a survey, for residents living under the chosen node within the reader's reach. */
export async function getResults({ db, actor, id, nodeId }: Ctx & { id: string; nodeId?: string }): Promise<Results> {
  const { row, owner } = await loadSurvey(db, actor, id);
  const { node, paths } = await resultScope({ db, actor }, owner, nodeId);
  const rows = await db
    .select({ answers: surveyAnswers.answers })
    .from(surveyAnswers)
    .innerJoin(orgNodes, eq(orgNodes.id, surveyAnswers.nodeId))
    .where(and(eq(surveyAnswers.surveyId, id), underAnyPath(orgNodes.path, paths)))
    .orderBy(sql`${surveyAnswers.answeredOn} desc`);
  const all = rows.map((r) => r.answers);
  // Filter choices: the towns and centres under the survey's node that the reader reaches.
  const places = await db
    .select({ id: orgNodes.id, name: orgNodes.name, level: orgNodes.level })
    .from(orgNodes)
    .where(
      and(
        inArray(orgNodes.level, ['town', 'centre']),
        like(orgNodes.path, `${escapeLike(owner.path)}%`),
        underAnyPath(orgNodes.path, reachPaths(actor, SURVEY_READER_ROLES)),
      ),
    )
    .orderBy(asc(orgNodes.path))
    .limit(1000);
  return {
    surveyId: id,
    title: row.title,
    nodeName: node?.name ?? null,
    respondents: all.length,
    minSample: await minSampleOf(db, owner.path.split('/')[1]),
    places,
    questions: row.questions.map((q) => tally(q, all)),
  };
}

type ExportRow = { question: string; item: string; count: number | null; of: number; share: string; note: string };

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 1000) / 10}%` : '—');

/** The results as spreadsheet rows: one per option (a matrix: per row and option), texts after. */
function resultRows(r: Results): ExportRow[] {
  const out: ExportRow[] = [];
  for (const q of r.questions) {
    const note = q.rate
      ? `${RATE_LABELS[q.rate.rate].zh} ${pct(q.rate.yes, q.rate.of)}（样本 ${q.rate.of}${q.rate.of < r.minSample ? '，样本不足' : ''}）`
      : q.average !== null
        ? `平均 ${q.average} 分`
        : '';
    for (const c of q.counts)
      out.push({
        question: q.title,
        item: c.label,
        count: c.count,
        of: q.answered,
        share: pct(c.count, q.answered),
        note,
      });
    for (const row of q.rows)
      for (const c of row.counts)
        out.push({
          question: `${q.title}｜${row.label}`,
          item: c.label,
          count: c.count,
          of: row.answered,
          share: pct(c.count, row.answered),
          note,
        });
    for (const t of q.texts) out.push({ question: q.title, item: t, count: null, of: q.answered, share: '', note });
  }
  return out;
}

/** The results export (src/server/xlsx-export.ts): the same results the page shows, audited once. */
export function resultsExport(ctx: Ctx, id: string, nodeId: string | undefined): ListExport<ExportRow> {
  let rows: ExportRow[] | null = null;
  return {
    name: '问卷结果',
    columns: [
      { header: '题目', width: 40, value: (x) => x.question },
      { header: '选项/回答', width: 40, value: (x) => x.item },
      { header: '人数', width: 10, value: (x) => x.count },
      { header: '样本数', width: 10, value: (x) => x.of },
      { header: '百分比', width: 10, value: (x) => x.share },
      { header: '说明', width: 36, value: (x) => x.note },
    ],
    readPage: async (page, pageSize) => {
      rows ??= resultRows(await getResults({ ...ctx, id, nodeId }));
      return { items: rows.slice((page - 1) * pageSize, page * pageSize) };
    },
    action: 'survey.export',
    entityType: 'survey',
    entityId: id,
    filters: { nodeId },
    nodeId: () => nodeId,
  };
}

/** A rate's respondents under a node: `yes` of `of`. */
export type RateCount = { yes: number; of: number };
export type SurveyRates = Record<Rate, RateCount> & { minSample: number };

/**
 * The three rates under each node for a year, from the published (or closed) rate surveys that
 * opened that year: per survey, the respondents living under the node who answered the question
 * marked for the rate (`of`), and those who chose a counting option (`yes`). With the county's
 * minimum sample.
 */
export async function surveyRates(
  db: DbOrTx,
  nodes: readonly { id: string; path: string }[],
  year: number,
): Promise<Map<string, SurveyRates>> {
  const out = new Map<string, SurveyRates>();
  if (nodes.length === 0) return out;
  const counties = [...new Set(nodes.map((n) => n.path.split('/')[1]))];
  const rows = await db
    .select({ questions: surveys.questions, answers: surveyAnswers.answers, path: orgNodes.path })
    .from(surveyAnswers)
    .innerJoin(surveys, eq(surveys.id, surveyAnswers.surveyId))
    .innerJoin(orgNodes, eq(orgNodes.id, surveyAnswers.nodeId))
    .where(
      and(
        eq(surveys.kind, 'rates'),
        inArray(surveys.status, ['published', 'closed']),
        sql`extract(year from ${surveys.opensOn}) = ${year}`,
        or(...nodes.map((n) => like(orgNodes.path, `${escapeLike(n.path)}%`))),
      ),
    );
  const mins = new Map(await Promise.all(counties.map(async (c) => [c, await minSampleOf(db, c)] as const)));
  for (const n of nodes) {
    const r = Object.fromEntries(RATES.map((k) => [k, { yes: 0, of: 0 }])) as Record<Rate, RateCount>;
    out.set(n.id, { ...r, minSample: mins.get(n.path.split('/')[1]) ?? 30 });
  }
  for (const row of rows)
    for (const q of row.questions) {
      if (!q.feeds || row.answers[q.id] === undefined) continue;
      const yes = chosen(q, row.answers[q.id]).some((id) => q.feeds!.yes.includes(id));
      for (const n of nodes)
        if (row.path.startsWith(n.path)) {
          const c = out.get(n.id)![q.feeds.rate];
          c.of++;
          if (yes) c.yes++;
        }
    }
  return out;
}
