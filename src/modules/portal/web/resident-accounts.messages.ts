import type { Msg } from '../../../web/i18n/i18n';

/** The staff page for residents' phone accounts (居民手机账号). */
export const M = {
  accountActive: ['已开通，最近登录：{at}', 'Active; last sign-in: {at}'],
  accountNone: ['还没有开通手机账号', 'No phone account yet'],
  accountWaiting: [
    '已发激活码，等待居民激活（{at} 前有效）',
    'Code issued, waiting for the resident (valid until {at})',
  ],
  actions: ['操作', 'Actions'],
  activationHelp: [
    '居民用手机号登录“社区学习”页面（/m）报名、看学分。先在这里生成激活码，告诉居民本人；居民凭手机号、姓名和激活码自己设置密码。',
    'Residents use their phone number on the resident pages (/m) to register and see their credits. Issue a code here and give it to the resident; they set their own password with phone, name and code.',
  ],
  activationOpen: ['激活码', 'Activation code'],
  activationTitle: ['居民手机账号', 'Resident phone accounts'],
  centre: ['学习中心', 'Centre'],
  codeHow: [
    '请居民在手机上打开“社区学习”页面，选“首次激活”，输入手机号、姓名和这个激活码。{until} 前有效。',
    'The resident opens the resident pages on their phone, chooses "First time" and enters phone, name and this code. Valid until {until}.',
  ],
  codeIssue: ['生成激活码', 'Issue activation code'],
  codeIssued: ['激活码（只显示这一次）', 'Activation code (shown only this once)'],
  codeReissue: ['重新生成激活码（忘记密码时）', 'Issue a new code (forgotten password)'],
  name: ['姓名', 'Name'],
  needPhone: [
    '名册中没有此人的手机号，请先在居民档案中补上',
    'No phone number on the roster; add it in the resident record first',
  ],
  phone: ['手机号', 'Phone'],
  search: ['姓名、拼音首字母或手机号', 'Name, initials or phone digits'],
} as const satisfies Record<string, Msg>;
