import { Tag } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { ValueTag } from '../../../web/components/detail-tag';
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
  return <ValueTag value={status} labels={COURSE_STATUS_LABELS} colors={STATUS_COLORS} large />;
}

export function FeaturedTag({ centre }: { centre?: string | null }) {
  const { t } = useI18n();
  return (
    <Tag color="volcano" icon={<StarFilled />} style={{ fontSize: 14 }}>
      {centre ? t(M.featuredOf, { centre }) : t(M.featured)}
    </Tag>
  );
}
