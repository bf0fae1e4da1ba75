import { formatDateTime } from '../../shared/china-time';
import { THEME_LABELS } from '../../shared/themes';
import { pagedExport, type ListExport, type ListFilters } from '../../server/xlsx-export';
import type { Ctx } from '../../server/types';
import { TEACHER_CATEGORY_LABELS, TEACHER_SOURCE_LABELS, TEACHER_STATUS_LABELS } from './teachers.contract';
import type { Teacher, TeacherQuery } from './teachers.contract';
import { findTeachers } from './teachers.service';
import { HOURS_STATUS_LABELS, type Hours, type HoursQuery } from './volunteer.contract';
import { findHours } from './volunteer.service';

const yesNo = (v: boolean) => (v ? '是' : '否');

/** 师资库: the list's rows as the reader sees them (phones masked outside the banks they keep). */
export function teachersExport(ctx: Ctx, query: ListFilters<TeacherQuery>): ListExport<Teacher> {
  return pagedExport(ctx, findTeachers, query, {
    name: '师资库',
    action: 'teacher.export',
    entityType: 'teacher',
    nodeId: () => query.bankNodeId,
    columns: [
      { header: '姓名', width: 12, value: (t) => t.name },
      { header: '类别', width: 12, value: (t) => TEACHER_CATEGORY_LABELS[t.category].zh },
      { header: '来源', width: 14, value: (t) => TEACHER_SOURCE_LABELS[t.source].zh },
      { header: '状态', width: 8, value: (t) => TEACHER_STATUS_LABELS[t.status].zh },
      { header: '状态日期', width: 12, value: (t) => t.statusSince },
      { header: '专长', width: 24, value: (t) => t.specialities.map((k) => THEME_LABELS[k].zh).join('、') },
      { header: '所属师资库', width: 20, value: (t) => t.bankNodeName },
      { header: '联系电话', width: 14, text: true, value: (t) => t.phone },
      { header: '工作单位', width: 20, value: (t) => t.workUnit },
      { header: '政府或社区工作人员', width: 10, value: (t) => yesNo(t.isGovernmentStaff) },
      { header: '可支付授课费', width: 10, value: (t) => yesNo(t.feeEligible) },
    ],
  });
}

/** 志愿服务时长: the hours served at the centres the reader keeps a bank over. */
export function hoursExport(ctx: Ctx, query: ListFilters<HoursQuery>): ListExport<Hours> {
  return pagedExport(ctx, findHours, query, {
    name: '志愿服务时长',
    action: 'volunteer_hours.export',
    entityType: 'volunteer_hours',
    nodeId: () => query.nodeId,
    columns: [
      { header: '志愿者', width: 12, value: (h) => h.teacherName },
      { header: '服务日期', width: 12, value: (h) => h.serviceDate },
      { header: '服务地点', width: 20, value: (h) => h.nodeName },
      { header: '时长（小时）', width: 10, value: (h) => h.hours },
      { header: '服务内容', width: 36, value: (h) => h.description },
      { header: '状态', width: 8, value: (h) => HOURS_STATUS_LABELS[h.status].zh },
      { header: '登记时间', width: 18, value: (h) => formatDateTime(h.submittedAt) },
      { header: '审核人', width: 12, value: (h) => h.reviewedByName },
      { header: '审核时间', width: 18, value: (h) => formatDateTime(h.reviewedAt) },
      { header: '审核意见', width: 24, value: (h) => h.reviewNote },
    ],
  });
}
