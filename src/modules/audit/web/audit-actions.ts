import type { Msg } from '../../../web/i18n/i18n';

/** Audit actions in plain words. Unknown actions are shown as their code. */
export const ACTION_LABELS: Record<string, Msg> = {
  'auth.login': ['登录', 'Signed in'],
  'auth.login_failed': ['登录失败', 'Failed sign-in'],
  'auth.logout': ['退出登录', 'Signed out'],
  'auth.password_change': ['修改自己的密码', 'Changed own password'],
  'access.denied': ['越权访问被拒绝', 'Access denied'],
  'demo.seed': ['创建演示数据', 'Created demo data'],
  'org.create': ['新增组织', 'Created a node'],
  'org.update': ['修改组织', 'Changed a node'],
  'org.delete': ['删除组织', 'Deleted a node'],
  'org.move': ['移动组织', 'Moved a node'],
  'org.population.set': ['填写常住人口', 'Set a population figure'],
  'org.population.delete': ['删除常住人口', 'Deleted a population figure'],
  'org.leaders.set': ['修改领导小组', 'Changed the leadership group'],
  'user.create': ['新建用户', 'Created a user'],
  'user.update': ['修改用户', 'Changed a user'],
  'user.disable': ['停用用户', 'Disabled a user'],
  'user.enable': ['启用用户', 'Enabled a user'],
  'user.password_reset': ['重置用户密码', 'Reset a password'],
  'user.role.grant': ['授予角色', 'Granted a role'],
  'user.role.revoke': ['收回角色', 'Removed a role'],
  'settings.update': ['修改系统设置', 'Changed settings'],
};

/** The action filter: a prefix matches a family of actions. */
export const ACTION_FILTERS: { value: string; label: Msg }[] = [
  { value: 'auth.', label: ['登录、退出与改密码', 'Sign-in, sign-out, passwords'] },
  { value: 'auth.login_failed', label: ['登录失败', 'Failed sign-ins'] },
  { value: 'access.denied', label: ['越权访问被拒绝', 'Access denied'] },
  { value: 'org.', label: ['组织架构的变更', 'Organisation changes'] },
  { value: 'user.', label: ['用户与角色的变更', 'User and role changes'] },
  { value: 'settings.', label: ['系统设置的变更', 'Settings changes'] },
];

/** Why a sign-in failed, from the summary's `reason`. */
export const REASON_LABELS: Record<string, Msg> = {
  unknown_user: ['用户名不存在', 'Unknown username'],
  wrong_password: ['密码错误', 'Wrong password'],
  wrong_password_locked: ['密码错误，账号已锁定', 'Wrong password; account locked'],
  account_locked: ['账号锁定中', 'Account locked'],
  ip_locked: ['该网络已被暂时锁定', 'Network temporarily locked'],
  disabled: ['账号已停用', 'Account disabled'],
  wrong_current_password: ['当前密码错误', 'Wrong current password'],
};
