import { z } from 'zod';
import { labelled } from '../../shared/locale';
import { zCleanText, zText } from '../../shared/schemas';

// A survey's questions: one zod-checked JSON list (kept on the survey row), and the answers a
// response carries. Shared by the server, the staff editor and the phone page.

export const [QUESTION_TYPES, QUESTION_TYPE_LABELS] = labelled({
  single: { zh: '单选题', en: 'Single choice' },
  multiple: { zh: '多选题', en: 'Multiple choice' },
  rating: { zh: '评分（1–5）', en: 'Rating (1–5)' },
  matrix: { zh: '矩阵题', en: 'Matrix' },
  text: { zh: '填空（短）', en: 'Short text' },
  longtext: { zh: '问答（长）', en: 'Long text' },
});
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The three rates a question may feed (知晓率, 认同率, 满意率). */
export const [RATES, RATE_LABELS] = labelled({
  awareness: { zh: '知晓率', en: 'Awareness rate' },
  approval: { zh: '认同率', en: 'Approval rate' },
  satisfaction: { zh: '满意率', en: 'Satisfaction rate' },
});
export type Rate = (typeof RATES)[number];

export const QUESTION_LIMITS = {
  questions: 60,
  title: 200,
  options: 20,
  optionLabel: 100,
  rows: 20,
  text: 200,
  longtext: 2000,
  key: 16,
} as const;

const zKeyId = zCleanText()
  .min(1, { error: 'msg:required' })
  .max(QUESTION_LIMITS.key)
  .regex(/^[A-Za-z0-9_-]+$/);

export const ZChoice = z.object({ id: zKeyId, label: zText(QUESTION_LIMITS.optionLabel) });
export type Choice = z.infer<typeof ZChoice>;

export const ZQuestion = z.object({
  id: zKeyId.describe('Stable key of the question within its survey (q1, q2…)'),
  type: z.enum(QUESTION_TYPES),
  title: zText(QUESTION_LIMITS.title),
  required: z.boolean().default(false),
  options: z.array(ZChoice).max(QUESTION_LIMITS.options).default([]).describe('Choices (single, multiple, matrix)'),
  rows: z.array(ZChoice).max(QUESTION_LIMITS.rows).default([]).describe('The rows of a matrix'),
  showIf: z
    .object({ questionId: zKeyId, optionIds: z.array(zKeyId).min(1).max(QUESTION_LIMITS.options) })
    .nullable()
    .default(null)
    .describe('Shown only when an earlier choice question was answered with one of these options'),
  feeds: z
    .object({ rate: z.enum(RATES), yes: z.array(zKeyId).min(1).max(QUESTION_LIMITS.options) })
    .nullable()
    .default(null)
    .describe('The rate this question feeds and the options that count as yes (a rating: "4", "5")'),
});
export type Question = z.infer<typeof ZQuestion>;
export type QuestionInput = z.input<typeof ZQuestion>;

export const ZQuestions = z.array(ZQuestion).min(1).max(QUESTION_LIMITS.questions);

/** One answer: an option id, option ids, a rating, a matrix (row id → option id), or text. */
export const ZAnswer = z.union([
  zCleanText({ multiline: true }).max(QUESTION_LIMITS.longtext),
  z.array(zKeyId).max(QUESTION_LIMITS.options),
  z.number().int(),
  z.record(zKeyId, zKeyId),
]);
export type Answer = z.infer<typeof ZAnswer>;
export const ZAnswers = z.record(zKeyId, ZAnswer);
export type Answers = z.infer<typeof ZAnswers>;

/** The options of a question as answered: a rating's are "1"…"5". */
export const RATING_OPTIONS = ['1', '2', '3', '4', '5'] as const;
export const choicesOf = (q: Question): string[] =>
  q.type === 'rating' ? [...RATING_OPTIONS] : q.options.map((o) => o.id);

/** The option ids an answer chose (single, multiple, rating), for show-if and the rates. */
export function chosen(q: Question, a: Answer | undefined): string[] {
  if (a === undefined) return [];
  if (q.type === 'single' && typeof a === 'string') return [a];
  if (q.type === 'multiple' && Array.isArray(a)) return a;
  if (q.type === 'rating' && typeof a === 'number') return [String(a)];
  return [];
}

/** Whether a question is shown, given the answers so far (show-if on an earlier choice question). */
export function isShown(q: Question, questions: readonly Question[], answers: Answers): boolean {
  if (!q.showIf) return true;
  const on = questions.find((x) => x.id === q.showIf!.questionId);
  if (!on || !isShown(on, questions, answers)) return false;
  return chosen(on, answers[on.id]).some((id) => q.showIf!.optionIds.includes(id));
}

type Issue = { path: string; message: string; messageEn: string };

/** Checks a list of questions as a survey's author wrote them (beyond the schema): the issues, none when good. */
export function questionIssues(questions: readonly Question[], kind: 'needs' | 'rates'): Issue[] {
  const out: Issue[] = [];
  const at = (i: number, field: string, zh: string, en: string) =>
    out.push({ path: `questions.${i}.${field}`, message: zh, messageEn: en });
  const seen = new Set<string>();
  const fed = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) at(i, 'id', '题目编号重复', 'Two questions have the same key');
    seen.add(q.id);
    const needsOptions = q.type === 'single' || q.type === 'multiple' || q.type === 'matrix';
    if (needsOptions && q.options.length < 2) at(i, 'options', '至少需要两个选项', 'Give at least two options');
    if (!needsOptions && q.options.length) at(i, 'options', '该题型没有选项', 'This type of question has no options');
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length)
      at(i, 'options', '选项编号重复', 'Two options have the same key');
    if (q.type === 'matrix' && q.rows.length < 1)
      at(i, 'rows', '矩阵题至少需要一行', 'A matrix needs at least one row');
    if (q.type !== 'matrix' && q.rows.length) at(i, 'rows', '只有矩阵题有行', 'Only a matrix has rows');
    if (new Set(q.rows.map((o) => o.id)).size !== q.rows.length)
      at(i, 'rows', '行编号重复', 'Two rows have the same key');
    if (q.showIf) {
      const j = questions.findIndex((x) => x.id === q.showIf!.questionId);
      const on = questions[j];
      if (j < 0 || j >= i || !on || (on.type !== 'single' && on.type !== 'multiple' && on.type !== 'rating'))
        at(
          i,
          'showIf',
          '显示条件只能引用前面的选择题或评分题',
          'Show-if must name an earlier choice or rating question',
        );
      else if (q.showIf.optionIds.some((o) => !choicesOf(on).includes(o)))
        at(i, 'showIf', '显示条件的选项不存在', 'Show-if names an option that question does not have');
    }
    if (q.feeds) {
      if (kind !== 'rates')
        at(i, 'feeds', '只有知晓率/认同率/满意率调查的题目计入指标', 'Only a rate survey’s questions feed the rates');
      else if (q.type !== 'single' && q.type !== 'rating')
        at(i, 'feeds', '计入指标的题目须为单选题或评分题', 'A question feeding a rate must be single choice or rating');
      else if (q.feeds.yes.some((o) => !choicesOf(q).includes(o)))
        at(i, 'feeds', '计入的选项不存在', 'A counted option does not exist');
      else if (fed.has(q.feeds.rate))
        at(i, 'feeds', '每项比率只能由一道题计算', 'Each rate is fed by one question only');
      else if (q.showIf || !q.required)
        at(
          i,
          'feeds',
          '计入指标的题目须为必答且始终显示',
          'A question feeding a rate must be required and always shown',
        );
      fed.add(q.feeds.rate);
    }
  });
  return out;
}

/** Checks a response against the questions: the issues (path `answers.<id>`), none when good. */
export function answerIssues(questions: readonly Question[], answers: Answers): Issue[] {
  const out: Issue[] = [];
  const at = (id: string, zh: string, en: string) => out.push({ path: `answers.${id}`, message: zh, messageEn: en });
  for (const id of Object.keys(answers))
    if (!questions.some((q) => q.id === id)) at(id, '没有这道题', 'There is no such question');
  for (const q of questions) {
    const a = answers[q.id];
    const shown = isShown(q, questions, answers);
    const empty =
      a === undefined ||
      (typeof a === 'string' && a.trim() === '') ||
      (Array.isArray(a) && a.length === 0) ||
      (typeof a === 'object' && !Array.isArray(a) && Object.keys(a).length === 0);
    if (!shown) {
      if (!empty) at(q.id, '这道题不应作答（显示条件不满足）', 'This question is hidden by an earlier answer');
      continue;
    }
    if (empty) {
      if (q.required) at(q.id, `请回答：${q.title}`, 'This question is required');
      continue;
    }
    const opts = q.options.map((o) => o.id);
    const bad = () => at(q.id, '答案不符合题目要求', 'The answer does not fit the question');
    switch (q.type) {
      case 'single':
        if (typeof a !== 'string' || !opts.includes(a)) bad();
        break;
      case 'multiple':
        if (!Array.isArray(a) || new Set(a).size !== a.length || a.some((x) => !opts.includes(x))) bad();
        break;
      case 'rating':
        if (typeof a !== 'number' || a < 1 || a > 5) bad();
        break;
      case 'matrix': {
        if (typeof a !== 'object' || Array.isArray(a)) {
          bad();
          break;
        }
        const rows = q.rows.map((r) => r.id);
        if (Object.entries(a).some(([r, o]) => !rows.includes(r) || !opts.includes(o))) bad();
        else if (q.required && rows.some((r) => !(r in a)))
          at(q.id, `请回答每一行：${q.title}`, 'Answer every row of this question');
        break;
      }
      case 'text':
      case 'longtext': {
        const max = q.type === 'text' ? QUESTION_LIMITS.text : QUESTION_LIMITS.longtext;
        if (typeof a !== 'string') bad();
        else if (a.length > max) at(q.id, `不能超过 ${max} 个字`, `At most ${max} characters`);
        break;
      }
    }
  }
  return out;
}
