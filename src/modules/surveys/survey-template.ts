import type { QuestionInput } from './survey-questions';

/**
 * The ready 知晓率/认同率/满意率 survey: three marked questions, one per rate (the options that
 * count as yes named in `feeds`), and a few that explain them. A publisher starts from it and
 * may change anything before publishing.
 */
export const RATE_SURVEY_TEMPLATE = {
  title: '社区教育知晓率、认同率、满意率调查',
  intro: '为了解居民对社区教育的知晓、认同和满意情况，请您花两分钟填写。问卷匿名，感谢支持！',
  kind: 'rates' as const,
  anonymous: true,
  questions: [
    {
      id: 'aware',
      type: 'single',
      title: '您是否知道本村（社区）有学习中心，并开展社区教育活动？',
      required: true,
      options: [
        { id: 'know', label: '知道，并参加过' },
        { id: 'heard', label: '知道，但没参加过' },
        { id: 'no', label: '不知道' },
      ],
      feeds: { rate: 'awareness', yes: ['know', 'heard'] },
    },
    {
      id: 'approve',
      type: 'single',
      title: '您是否认同开展社区教育对居民和社区有帮助？',
      required: true,
      options: [
        { id: 'agree', label: '认同' },
        { id: 'partly', label: '基本认同' },
        { id: 'disagree', label: '不认同' },
      ],
      feeds: { rate: 'approval', yes: ['agree', 'partly'] },
    },
    {
      id: 'satisfied',
      type: 'rating',
      title: '您对本地社区教育的总体满意程度（1 分最低，5 分最高）',
      required: true,
      feeds: { rate: 'satisfaction', yes: ['4', '5'] },
    },
    {
      id: 'parts',
      type: 'matrix',
      title: '您对以下方面的评价',
      required: false,
      options: [
        { id: 'good', label: '满意' },
        { id: 'ok', label: '一般' },
        { id: 'bad', label: '不满意' },
      ],
      rows: [
        { id: 'content', label: '课程内容' },
        { id: 'teacher', label: '授课老师' },
        { id: 'time', label: '时间安排' },
        { id: 'place', label: '场地设施' },
      ],
    },
    { id: 'advice', type: 'longtext', title: '您对社区教育还有哪些意见和建议？', required: false },
  ] satisfies QuestionInput[],
};

/** A starting point for a learning-needs survey. */
export const NEEDS_SURVEY_TEMPLATE = {
  title: '居民学习需求调查',
  intro: '请告诉我们您想学什么、什么时间方便，我们据此安排明年的课程。',
  kind: 'needs' as const,
  anonymous: false,
  questions: [
    {
      id: 'topics',
      type: 'multiple',
      title: '您最想学习哪些内容？（可多选）',
      required: true,
      options: [
        { id: 'health', label: '健康养生' },
        { id: 'phone', label: '智能手机使用' },
        { id: 'culture', label: '书法、绘画、戏曲' },
        { id: 'skills', label: '职业技能' },
        { id: 'family', label: '家庭教育' },
        { id: 'law', label: '法律常识' },
      ],
    },
    {
      id: 'when',
      type: 'single',
      title: '您方便的学习时间',
      required: true,
      options: [
        { id: 'morning', label: '工作日上午' },
        { id: 'evening', label: '工作日晚上' },
        { id: 'weekend', label: '周末' },
      ],
    },
    { id: 'other', type: 'text', title: '还有其他想学的内容吗？', required: false },
  ] satisfies QuestionInput[],
};
