import { formatDateTime } from '../../shared/china-time';
import { ROLE_LABELS } from '../../shared/roles';
import { pagedExport, type ListExport, type ListFilters } from '../../server/xlsx-export';
import type { Ctx } from '../../server/types';
import type { User, UserQuery } from './account.contract';
import { findUsers } from './user.service';

/** 用户列表: the accounts whose home lies in the admin's subtree, with their roles. */
export function usersExport(ctx: Ctx, query: ListFilters<UserQuery>): ListExport<User> {
  const now = Date.now();
  return pagedExport(ctx, findUsers, query, {
    name: '用户列表',
    action: 'user.export',
    entityType: 'user',
    nodeId: () => query.nodeId,
    columns: [
      { header: '用户名', width: 16, value: (u) => u.username },
      { header: '姓名', width: 12, value: (u) => u.displayName },
      { header: '手机号', width: 14, text: true, value: (u) => u.phone },
      { header: '所属单位', width: 20, value: (u) => u.homeNodeName },
      {
        header: '角色',
        width: 36,
        value: (u) => u.roles.map((r) => `${ROLE_LABELS[r.role].zh}（${r.nodeName}）`).join('、'),
      },
      {
        header: '状态',
        width: 8,
        value: (u) =>
          u.disabled ? '已停用' : u.lockedUntil && new Date(u.lockedUntil).getTime() > now ? '已锁定' : '正常',
      },
      { header: '最近登录', width: 18, value: (u) => formatDateTime(u.lastLoginAt) },
    ],
  });
}
