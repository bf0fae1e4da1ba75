import { Tag } from 'antd';
import { THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { ValueTag } from '../../../web/components/detail-tag';
import { useI18n } from '../../../web/i18n/i18n';
import { HOURS_STATUS_LABELS, type HoursStatus } from '../volunteer.contract';
import {
  TEACHER_CATEGORY_LABELS,
  TEACHER_STATUS_LABELS,
  type TeacherCategory,
  type TeacherStatus,
} from '../teachers.contract';

const STATUS_COLORS: Record<TeacherStatus, string> = { active: 'green', paused: 'orange', left: 'default' };
const CATEGORY_COLORS: Record<TeacherCategory, string> = {
  full_time: 'blue',
  part_time: 'cyan',
  volunteer: 'magenta',
  lecturer: 'purple',
  tutor: 'geekblue',
};
const HOURS_COLORS: Record<HoursStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

export function TeacherStatusTag({ status }: { status: TeacherStatus }) {
  return <ValueTag value={status} labels={TEACHER_STATUS_LABELS} colors={STATUS_COLORS} />;
}

export function CategoryTag({ category }: { category: TeacherCategory }) {
  return <ValueTag value={category} labels={TEACHER_CATEGORY_LABELS} colors={CATEGORY_COLORS} />;
}

export function HoursStatusTag({ status }: { status: HoursStatus }) {
  return <ValueTag value={status} labels={HOURS_STATUS_LABELS} colors={HOURS_COLORS} />;
}

export function ThemeTags({ themes }: { themes: ThemeKey[] }) {
  const { label } = useI18n();
  if (themes.length === 0) return <>—</>;
  return (
    <>
      {themes.map((k) => (
        <Tag key={k} style={{ marginBlock: 2 }}>
          {label(THEME_LABELS[k])}
        </Tag>
      ))}
    </>
  );
}
