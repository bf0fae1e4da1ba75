import { useState } from 'react';
import { List, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../shared/china-time';
import { DetailBody, DetailFields, DetailHistory, DetailSection } from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { COURSE_FORM_LABELS, REVIEW_ACTION_LABELS, TARGET_GROUP_LABELS, type CourseDetail } from '../courses.contract';
import { CourseActions } from './course-actions';
import { CourseFormDrawer } from './course-form-drawer';
import { CourseStatusTag, FeaturedTag } from './course-tags';
import { M } from './courses.messages';
import { useCourse } from './courses.queries';

const ACTION_COLORS: Record<string, string> = {
  submitted: 'blue',
  approved: 'green',
  returned: 'red',
  featured: 'orange',
  unfeatured: 'gray',
};

/** One course: its details, materials, review history and the actions the user may take. */
export function CourseDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useCourse(id);
  return (
    <DetailDrawer query={q} width={680} title={(d) => d?.title ?? t(M.title)} onClose={onClose}>
      {(course) => <CourseDetailView course={course} onRemoved={onClose} />}
    </DetailDrawer>
  );
}

function CourseDetailView({ course, onRemoved }: { course: CourseDetail; onRemoved: () => void }) {
  const { t, label, isZh } = useI18n();
  const [editing, setEditing] = useState(false);
  const none = t(M.none);
  return (
    <DetailBody>
      <Space wrap size={4}>
        <CourseStatusTag status={course.status} />
        {course.featured && <FeaturedTag centre={course.featuredCentreName} />}
      </Space>
      <CourseActions course={course} onEdit={() => setEditing(true)} onRemoved={onRemoved} />
      {course.reviewComment && course.status === 'returned' && (
        <Typography.Paragraph type="danger" style={{ fontSize: 16, margin: 0 }}>
          {t(M.reviewComment)}：{course.reviewComment}
        </Typography.Paragraph>
      )}
      <DetailFields
        items={[
          { key: 'owner', label: t(M.owner), children: course.nodeName },
          { key: 'town', label: t(M.town), children: course.townName ?? t(M.countyLevel) },
          { key: 'theme', label: t(M.theme), children: isZh ? course.themeName : course.themeNameEn },
          { key: 'form', label: t(M.form), children: label(COURSE_FORM_LABELS[course.form]) },
          {
            key: 'groups',
            label: t(M.targetGroups),
            children: course.targetGroups.length
              ? course.targetGroups.map((g) => <Tag key={g}>{label(TARGET_GROUP_LABELS[g])}</Tag>)
              : none,
          },
          { key: 'hours', label: `${t(M.hours)} / ${t(M.credits)}`, children: `${course.hours} / ${course.credits}` },
          { key: 'first', label: t(M.firstSessionDate), children: course.firstSessionDate ?? none },
          ...(course.submitDeadline && ['draft', 'returned'].includes(course.status)
            ? [
                {
                  key: 'deadline',
                  label: t(M.submitDeadline),
                  children: `${course.submitDeadline}（${t(M.firstSessionHelp, { n: course.reviewLeadDays })}）`,
                },
              ]
            : []),
          {
            key: 'teachers',
            label: t(M.teachers),
            children: course.teachers.length
              ? course.teachers.map((x) => `${x.name}（${x.bankNodeName}）`).join('、')
              : none,
          },
        ]}
      />
      <DetailSection title={t(M.description)}>
        {course.descriptionHtml ? (
          // Sanitised on the server with an allowlist (course-html.ts) before it was stored.
          <div
            className="course-rich-text"
            style={{ fontSize: 16, lineHeight: 1.7 }}
            dangerouslySetInnerHTML={{ __html: course.descriptionHtml }}
          />
        ) : (
          <Typography.Text type="secondary">{none}</Typography.Text>
        )}
      </DetailSection>
      <DetailSection title={t(M.materials)}>
        {course.files.length ? (
          <List
            size="small"
            bordered
            dataSource={course.files}
            renderItem={(f) => (
              <List.Item>
                <a href={f.url} download>
                  <PaperClipOutlined /> {f.originalName}
                </a>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">{none}</Typography.Text>
        )}
      </DetailSection>
      <DetailSection title={t(M.history)}>
        {course.history.length === 0 ? (
          <Typography.Text type="secondary">{t(M.noHistory)}</Typography.Text>
        ) : (
          <DetailHistory
            entries={course.history.map((h) => ({
              key: h.id,
              color: ACTION_COLORS[h.action] ?? 'gray',
              what: (
                <>
                  <strong>{label(REVIEW_ACTION_LABELS[h.action])}</strong>
                  {h.comment ? `：${h.comment}` : ''}
                </>
              ),
              by: t(M.historyBy, { date: formatDateTime(h.at), by: h.actorName ?? '—' }),
            }))}
          />
        )}
      </DetailSection>
      {editing && (
        <CourseFormDrawer course={course} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
    </DetailBody>
  );
}
