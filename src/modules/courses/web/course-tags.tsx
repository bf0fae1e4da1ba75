import { Tag } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useI18n } from '../../../web/i18n/i18n';
import { COURSE_STATUS_LABELS, type CourseStatus } from '../courses.contract';
import { M } from './courses.messages';

const STATUS_COLORS: Record<CourseStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'green',
  returned: 'red',
};

export function CourseStatusTag({ status }: { status: CourseStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ fontSize: 14 }}>
      {label(COURSE_STATUS_LABELS[status])}
    </Tag>
  );
}

export function FeaturedTag({ centre }: { centre?: string | null }) {
  const { t } = useI18n();
  return (
    <Tag color="volcano" icon={<StarFilled />} style={{ fontSize: 14 }}>
      {centre ? t(M.featuredOf, { centre }) : t(M.featured)}
    </Tag>
  );
}
