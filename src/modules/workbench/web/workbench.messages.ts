import type { Msg } from '../../../web/i18n/i18n';

/** The workbench's words. */
export const M = {
  title: ['工作台', 'Workbench'],
  node: ['查看组织', 'Node'],
  todayIs: ['今天是 {date} {weekday}', 'Today is {weekday} {date}'],
  numbersOnly: ['领导查看：只显示数据', 'Leader view: the numbers only'],
  // 待办
  waitingTitle: ['待办事项', 'Waiting for me'],
  waitingEmpty: ['暂无待办，所有事项都已处理', 'Nothing is waiting for you'],
  due: ['截止 {date}', 'Due {date}'],
  countUnit: ['{n} 项', '{n}'],
  // 本月指标
  indicatorsTitle: ['{month}月指标', 'Indicators, month {month}'],
  indicatorsEmpty: ['本月没有启用的指标', 'No indicators are on this month'],
  indicatorsMore: ['全部指标', 'All indicators'],
  noDataCount: [
    '另有 {n} 项（问卷、经费等）待相关模块启用后计算',
    '{n} more (surveys, funding…) once those modules are in use',
  ],
  met: ['达标', 'Met'],
  missed: ['未达标', 'Missed'],
  no_target: ['无目标', 'No target'],
  no_data: ['暂无数据', 'No data yet'],
  no_population: ['缺常住人口', 'No population'],
  small_sample: ['样本不足', 'Sample too small'],
  targetAtLeast: ['目标 ≥ {n}', 'Target ≥ {n}'],
  targetAtMost: ['目标 ≤ {n}', 'Target ≤ {n}'],
  meeting: ['{met} / {of} 个中心达标', '{met} of {of} centres met'],
  meetingUnits: ['{met} / {of} 个牵头部门达标', '{met} of {of} lead departments met'],
  staffCounts: ['专职 {ft} · 兼职 {pt}', 'Full-time {ft} · part-time {pt}'],
  byStaffingNorm: ['按教师配备标准', 'By the staffing norm'],
  points: ['个百分点', 'points'],
  hoursUnit: ['小时', 'h'],
  // 未达标的中心
  missedTitle: ['本月活动未达标的学习中心', 'Centres behind on activities this month'],
  missedIntro: [
    '截至今天，本月开展活动不足 {n} 场的学习中心（共 {of} 个中心）。',
    'Centres that have held fewer than {n} activities this month so far (of {of}).',
  ],
  missedNone: ['本月所有学习中心都已达到 {n} 场', 'Every centre has held {n} this month'],
  missedNoTarget: [
    '县（区）未对学习中心设置每月活动场次目标',
    'The county has set no monthly activity target for centres',
  ],
  missedNoCentres: ['此组织下没有学习中心', 'No centres below this node'],
  held: ['已开展 {n} 场', '{n} held'],
  records: ['查看活动记录', 'The records'],
  centreIndicators: ['指标', 'Indicators'],
  // 活动
  activitiesTitle: ['活动安排', 'Activities'],
  todayTab: ['今日（{n}）', 'Today ({n})'],
  weekTab: ['本周（{n}）', 'This week ({n})'],
  todayEmpty: ['今天没有活动', 'No activity today'],
  weekEmpty: ['本周（{from} 至 {to}）没有活动', 'No activity this week ({from} to {to})'],
  weekMore: ['本周共 {n} 场，此处列出前 {shown} 场', '{n} this week; the first {shown} shown'],
  allActivities: ['全部活动', 'All activities'],
  // 快捷操作
  actionsTitle: ['快捷操作', 'Quick actions'],
  new_activity: ['新建活动', 'New activity'],
  new_activityHint: ['直接打开新建活动表单', 'Opens the new-activity form'],
  showQr: ['签到二维码', 'QR code'],
  printSheet: ['签到表', 'Sign-in sheet'],
  sign_in_desk: ['今日签到', 'Today’s sign-in'],
  sign_in_deskHint: ['今天的活动、扫码签到和待确认的人', 'Today’s activities, QR codes and people to confirm'],
  plan_versus: ['计划与实际对比', 'Plan versus actual'],
  plan_versusHint: ['各中心年度计划与已开展活动逐月对比', 'Each centre’s plan against what it held, by month'],
} satisfies Record<string, Msg>;

/** What each waiting key (src/server/waiting.ts) is called; an unknown key shows as itself. */
export const WAITING_LABELS: Record<string, Msg> = {
  'courses.review': ['待审核的课程', 'Courses to review'],
  'courses.returned': ['被退回待修改的课程', 'Courses returned to you'],
  'volunteer.approve': ['待审核的志愿服务时长', 'Volunteer hours to approve'],
  'signin.pending': ['待确认的签到', 'Sign-ins to confirm'],
  'activities.close': ['已结束待办结的活动', 'Ended activities to close'],
  'reports.due': ['待提交的月报', 'Monthly reports due'],
  'reports.returned': ['被退回的月报', 'Monthly reports returned'],
  'reports.review': ['待审核的月报', 'Monthly reports to review'],
};

export const WEEKDAYS: Msg[] = [
  ['星期一', 'Monday'],
  ['星期二', 'Tuesday'],
  ['星期三', 'Wednesday'],
  ['星期四', 'Thursday'],
  ['星期五', 'Friday'],
  ['星期六', 'Saturday'],
  ['星期日', 'Sunday'],
];
