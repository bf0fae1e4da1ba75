import { formatDateTime } from '../../shared/china-time';
import { pagedExport, type ListExport, type ListFilters } from '../../server/xlsx-export';
import type { Ctx } from '../../server/types';
import { listThemes } from '../themes';
import { ACTIVITY_FORM_LABELS, ACTIVITY_STATUS_LABELS, type Activity, type ActivityQuery } from './activities.contract';
import { findActivities } from './activities.service';

/** 活动列表: the list's rows with the user's county's theme names. */
export async function activitiesExport(ctx: Ctx, query: ListFilters<ActivityQuery>): Promise<ListExport<Activity>> {
  const countyId = ctx.actor.scopes[0]?.path.split('/')[1];
  const themes = new Map((countyId ? await listThemes(ctx.db, countyId) : []).map((t) => [t.key, t.nameZh]));
  return pagedExport(ctx, findActivities, query, {
    name: '活动列表',
    action: 'activity.export',
    entityType: 'activity',
    nodeId: () => query.centreId,
    columns: [
      { header: '活动名称', width: 28, value: (a) => a.title },
      { header: '主题', width: 14, value: (a) => themes.get(a.theme) ?? a.theme },
      { header: '形式', width: 8, value: (a) => ACTIVITY_FORM_LABELS[a.form].zh },
      { header: '学习中心', width: 20, value: (a) => a.centreName },
      { header: '开始时间', width: 18, value: (a) => formatDateTime(a.startsAt) },
      { header: '结束时间', width: 18, value: (a) => formatDateTime(a.endsAt) },
      { header: '地点', width: 20, value: (a) => a.venueName ?? a.place },
      { header: '名额', width: 8, value: (a) => a.capacity },
      { header: '已报名', width: 8, value: (a) => a.registered },
      { header: '候补', width: 8, value: (a) => a.waitlisted },
      { header: '状态', width: 8, value: (a) => ACTIVITY_STATUS_LABELS[a.status].zh },
    ],
  });
}
