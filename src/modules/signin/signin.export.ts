import { formatDateTime } from '../../shared/china-time';
import type { ListExport } from '../../server/xlsx-export';
import type { Protector } from '../../server/protect';
import type { Ctx } from '../../server/types';
import { listAttendance } from './signin-staff.service';
import type { AttendanceItem, SignInMethod, SignInStatus } from './signin.contract';

const STATUS: Record<SignInStatus, string> = { confirmed: '已签到', pending: '待确认', rejected: '未通过' };
const METHOD: Record<SignInMethod, string> = { qr: '扫码', manual: '手工', paper: '纸质表' };

/** 签到名单: one activity's sign-ins as the attendance page lists them (phones masked). */
export function attendanceExport(
  ctx: Ctx & { protector: Protector },
  activityId: string,
  query: { status?: SignInStatus },
): ListExport<AttendanceItem> {
  let centreId: string | undefined;
  return {
    name: '签到名单',
    action: 'sign_in.export',
    entityType: 'activity',
    entityId: activityId,
    filters: { activityId, ...query },
    nodeId: () => centreId,
    readPage: async (page, pageSize) => {
      const list = await listAttendance({ ...ctx, activityId, query: { ...query, page, pageSize } });
      centreId = list.activity.centreId;
      return list;
    },
    columns: [
      { header: '姓名', width: 12, value: (s) => s.name },
      { header: '联系电话', width: 14, text: true, value: (s) => s.phone },
      { header: '状态', width: 8, value: (s) => STATUS[s.status] },
      { header: '方式', width: 8, value: (s) => METHOD[s.method] },
      { header: '签到时间', width: 18, value: (s) => formatDateTime(s.signedAt) },
      { header: '签退时间', width: 18, value: (s) => formatDateTime(s.checkedOutAt) },
      { header: '学习时长（小时）', width: 10, value: (s) => s.attendedHours },
    ],
  };
}
