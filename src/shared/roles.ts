import { labelled } from './locale';

/**
 * The roles of the three-level network. A role is held on one node of the organisation
 * tree and covers that node's whole subtree.
 */
export const [ROLES, ROLE_LABELS] = labelled({
  system_admin: { zh: '系统管理员', en: 'System admin' },
  county_admin: { zh: '县（区）管理员', en: 'County admin' },
  town_admin: { zh: '镇（街道）管理员', en: 'Town admin' },
  centre_manager: { zh: '学习中心负责人', en: 'Centre manager' },
  dept_coordinator: { zh: '牵头部门联络员', en: 'Department coordinator' },
  teacher: { zh: '教师/志愿者', en: 'Teacher / volunteer' },
  inspector: { zh: '督查员', en: 'Inspector' },
  leader: { zh: '领导（只读）', en: 'Leader (read-only)' },
});
export type Role = (typeof ROLES)[number];

/** Roles that manage the tree and accounts within their subtree. */
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin'];
/** Roles that may read the audit trail of their subtree. */
export const AUDIT_READER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin'];

export const [NODE_LEVELS, NODE_LEVEL_LABELS] = labelled({
  county: { zh: '县（区）', en: 'County / district' },
  town: { zh: '镇（街道）', en: 'Town / street' },
  centre: { zh: '村（社区）学习中心', en: 'Village / community centre' },
  unit: { zh: '单位', en: 'Unit' },
});
export type NodeLevel = (typeof NODE_LEVELS)[number];

export const [UNIT_KINDS, UNIT_KIND_LABELS] = labelled({
  lead_dept: { zh: '牵头部门', en: 'Lead department' },
  school: { zh: '学校', en: 'School' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  hospital: { zh: '医院/卫生院', en: 'Hospital / clinic' },
  other: { zh: '其他', en: 'Other' },
});
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Which level a child may have under a parent of each level (null: a root). */
export function allowedChildLevels(parent: NodeLevel | null): NodeLevel[] {
  switch (parent) {
    case null:
      return ['county'];
    case 'county':
      return ['town', 'unit'];
    case 'town':
      return ['centre', 'unit'];
    case 'centre':
      return ['unit'];
    case 'unit':
      return [];
  }
}

export const [LEADER_POSTS, LEADER_POST_LABELS] = labelled({
  leader: { zh: '组长', en: 'Leader' },
  deputy: { zh: '副组长', en: 'Deputy leader' },
  member: { zh: '成员', en: 'Member' },
});
export type LeaderPost = (typeof LEADER_POSTS)[number];

/** Who reads and keeps the resident roster of their subtree. */
export const RESIDENT_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** Who may see special-group membership and children under 14 (others get nothing about them). */
export const SENSITIVE_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** Who may reveal a full ID-card number (each reveal is audited). */
export const ID_REVEAL_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin'];
/** Who may reveal a full phone number (each reveal is audited). */
export const PHONE_REVEAL_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** Who keeps a teacher bank: admins for town banks, and centre managers for their centre's bank. */
export const TEACHER_BANK_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
