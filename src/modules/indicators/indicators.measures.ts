import type { Label } from '../../shared/locale';
import type { NodeLevel } from '../../shared/roles';

// The catalogue of measures (指标). What a measure counts is fixed here; its target — the
// threshold, which way is good, the levels it applies to, on or off — is the county's, per year
// (indicator_targets), with these defaults taken from the seeds' work plans.

export const MEASURES = [
  'activities_held',
  'participation_rate',
  'participation_change',
  'participants',
  'person_times',
  'hours',
  'dept_sessions',
  'dept_person_times',
  'staffing',
  'awareness_rate',
  'approval_rate',
  'satisfaction_rate',
  'funding_per_resident',
] as const;
export type Measure = (typeof MEASURES)[number];

/** count: a number of things; percent: a rate in %; points: a change in percentage points; yuan. */
export type MeasureUnit = 'count' | 'hours' | 'percent' | 'points' | 'yuan';

export type MeasureDef = {
  label: Label;
  /** What is counted, in a sentence (shown beside the value). */
  means: Label;
  unit: MeasureUnit;
  /** The levels the target applies to by default; a level above shows how many of its nodes meet it. */
  levels: readonly NodeLevel[];
  /** The period it is judged over: each month, or the year (a month shows the year so far). */
  per: 'month' | 'year';
  /** The default target (null: shown without a target). */
  threshold: number | null;
  /** at_least: the value should reach the threshold; at_most: stay under it. */
  direction: 'at_least' | 'at_most';
  /** Not yet recorded by cedu: the module that will record it (the value is "no data yet"). */
  source?: Label;
  /**
   * Judged by a rule kept elsewhere, not by a threshold: the place it is kept. The target's
   * threshold stays empty (a threshold is refused); on/off and the levels still apply.
   */
  judgedBy?: Label;
};

const EVERY_LEVEL: readonly NodeLevel[] = ['county', 'town', 'centre'];

/** A figure shown without a target by default, at every level, month by month. */
const tally = (label: Label, means: Label, unit: MeasureUnit = 'count'): MeasureDef => ({
  label,
  means,
  unit,
  levels: EVERY_LEVEL,
  per: 'month',
  threshold: null,
  direction: 'at_least',
});

/** A figure judged over the year: it should reach `threshold` at the given levels. */
const yearly = (
  label: Label,
  means: Label,
  unit: MeasureUnit,
  levels: readonly NodeLevel[],
  threshold: number,
): MeasureDef => ({ label, means, unit, levels, per: 'year', threshold, direction: 'at_least' });

/**
 * A rate the year's published rate surveys give (知晓率, 认同率, 满意率): the share of the respondents
 * living under the node who answered the marked question so (the surveys module counts them).
 */
const surveyRate = (label: Label, answered: Label, threshold: number): MeasureDef =>
  yearly(
    label,
    { zh: `问卷中${answered.zh}的受访者比例`, en: `Respondents who ${answered.en}` },
    'percent',
    EVERY_LEVEL,
    threshold,
  );

export const MEASURE_DEFS: Record<Measure, MeasureDef> = {
  activities_held: {
    label: { zh: '每月活动场次', en: 'Activities per month' },
    means: {
      zh: '学习中心当月开展（未取消）的活动场次',
      en: 'Activities a centre held (not cancelled) in the month',
    },
    unit: 'count',
    levels: ['centre'],
    per: 'month',
    threshold: 2,
    direction: 'at_least',
  },
  participation_rate: yearly(
    { zh: '居民参与率', en: 'Participation rate' },
    {
      zh: '本年参加过学习活动的常住居民（不重复）÷ 常住人口',
      en: 'Residents who took part this year (each once) ÷ resident population',
    },
    'percent',
    EVERY_LEVEL,
    25,
  ),
  participation_change: yearly(
    { zh: '参与率年增幅', en: 'Participation, change on last year' },
    { zh: '本年参与率减去上年参与率（百分点）', en: 'This year’s rate minus last year’s (points)' },
    'points',
    ['county', 'town'],
    5,
  ),
  participants: tally(
    { zh: '参与人数', en: 'Participants' },
    {
      zh: '在本组织范围内参加活动的居民，每人只计一次',
      en: 'Residents who attended activities held here, each counted once',
    },
  ),
  person_times: tally({ zh: '参与人次', en: 'Person-times' }, { zh: '确认的签到次数', en: 'Confirmed sign-ins' }),
  hours: tally(
    { zh: '学习时长', en: 'Learning hours' },
    { zh: '签到居民的学习小时数合计', en: 'Hours of learning of those who signed in' },
    'hours',
  ),
  dept_sessions: yearly(
    { zh: '牵头部门年活动场次', en: 'Sessions per lead department' },
    {
      zh: '牵头部门负责的活动本年场次（未取消）',
      en: 'Activities a lead department was responsible for this year (not cancelled)',
    },
    'count',
    ['unit'],
    4,
  ),
  dept_person_times: yearly(
    { zh: '牵头部门年参与人次', en: 'Person-times per lead department' },
    { zh: '牵头部门负责的活动本年确认签到人次', en: 'Confirmed sign-ins at its activities this year' },
    'count',
    ['unit'],
    400,
  ),
  // 人员配备: judged per centre by the teachers module's staffing norm (教师配备标准, 2 full-time and
  // 3–5 part-time by default, a county may set its own) — the one rule the staffing page uses too,
  // never copied here. The county's target row for this measure only switches it on or off and
  // chooses the levels; its threshold is always empty. A town or county shows how many of its
  // centres meet the norm, and is met only when all of them do (as activities per month).
  staffing: {
    label: { zh: '人员配备', en: 'Staffing' },
    means: {
      zh: '学习中心教师库当前在岗的专职、兼职教师人数，按县（区）教师配备标准考核（默认专职≥2人、兼职3–5人）',
      en: 'Full-time and part-time teachers active now in a centre’s bank, against the county’s staffing norm (by default 2 full-time, 3–5 part-time)',
    },
    unit: 'count',
    levels: ['centre'],
    per: 'month',
    threshold: null,
    direction: 'at_least',
    judgedBy: { zh: '教师配备标准', en: 'the staffing norm' },
  },
  awareness_rate: surveyRate(
    { zh: '知晓率', en: 'Awareness rate' },
    { zh: '知晓社区教育', en: 'know of community education' },
    70,
  ),
  approval_rate: surveyRate(
    { zh: '认同率', en: 'Approval rate' },
    { zh: '认同社区教育', en: 'approve of community education' },
    70,
  ),
  satisfaction_rate: surveyRate(
    { zh: '满意率', en: 'Satisfaction rate' },
    { zh: '对社区教育满意', en: 'are satisfied with community education' },
    50,
  ),
  funding_per_resident: {
    ...yearly(
      { zh: '人均经费', en: 'Funding per resident' },
      { zh: '本年社区教育经费 ÷ 常住人口（元）', en: 'This year’s funding ÷ resident population (yuan)' },
      'yuan',
      ['county', 'town'],
      2,
    ),
  },
};

/** A target judges the values at this level (a threshold is set, or the measure has its own rule). */
export const judgesAt = (
  t: { measure: Measure; enabled: boolean; threshold: number | null; levels: readonly NodeLevel[] },
  level: NodeLevel,
) => t.enabled && (t.threshold !== null || !!MEASURE_DEFS[t.measure].judgedBy) && t.levels.includes(level);
