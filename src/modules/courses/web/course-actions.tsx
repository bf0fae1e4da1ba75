import { useState } from 'react';
import { App, Button, Form, Modal, Popconfirm, Select, Typography } from 'antd';
import {
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { Locale } from '../../../shared/locale';
import { errorText, isApiError } from '../../../web/api/api-error';
import { useApiMutation } from '../../../web/api/hooks';
import { CommentModal } from '../../../web/components/comment-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { COURSE_LIMITS, coursesApi, type CourseDetail } from '../courses.contract';
import { M } from './courses.messages';
import { useCourseRules } from './courses.queries';

/** A refusal in words: the field issue when there is one (e.g. the date a submission needed), else the error. */
export function refusalText(err: unknown, locale: Locale): string {
  if (isApiError(err) && err.issues[0]) return locale === 'zh-CN' ? err.issues[0].message : err.issues[0].messageEn;
  return errorText(err, locale);
}

type Dialog = 'approve' | 'return' | 'feature' | null;

/** What the user may do with the course now: edit, submit, approve or return, feature, delete. */
export function CourseActions({
  course,
  onEdit,
  onRemoved,
}: {
  course: CourseDetail;
  onEdit: () => void;
  onRemoved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const p = course.permissions;
  const params = { id: course.id };

  // A refusal says why (e.g. the date a submission needed); a success says what happened and closes the dialog.
  const onError = (err: unknown) => void message.error({ content: refusalText(err, locale), duration: 10 });
  const done = (text: string) => {
    void message.success(text);
    setDialog(null);
  };
  const submit = useApiMutation(coursesApi.submit, { onError, onSuccess: () => done(t(M.submitted)) });
  const review = useApiMutation(coursesApi.review, {
    onError,
    onSuccess: (_, { body }) => done(t(body.decision === 'approve' ? M.approved : M.returned)),
  });
  const feature = useApiMutation(coursesApi.feature, {
    onError,
    onSuccess: (_, { body }) => done(t(body.centreId ? M.featuredDone : M.unfeaturedDone)),
  });
  const remove = useApiMutation(coursesApi.remove, {
    onError,
    onSuccess: () => {
      done(t(M.removed));
      onRemoved();
    },
  });
  const busy = submit.busy || review.busy || feature.busy || remove.busy;

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {p.update && (
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t(M.edit)}
          </Button>
        )}
        {p.submit && (
          <Popconfirm
            title={t(M.submitConfirm)}
            okText={t(M.submit)}
            cancelText={t(APP.cancel)}
            onConfirm={() => submit.run({ params })}
          >
            <Button type="primary" icon={<SendOutlined />} loading={busy}>
              {t(M.submit)}
            </Button>
          </Popconfirm>
        )}
        {p.review && (
          <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => setDialog('approve')}>
            {t(M.approve)}
          </Button>
        )}
        {p.review && (
          <Button danger icon={<RollbackOutlined />} disabled={busy} onClick={() => setDialog('return')}>
            {t(M.returnCourse)}
          </Button>
        )}
        {p.feature && !course.featured && (
          <Button icon={<StarOutlined />} onClick={() => setDialog('feature')}>
            {t(M.feature)}
          </Button>
        )}
        {p.feature && course.featured && (
          <Button loading={busy} onClick={() => void feature.run({ params, body: { centreId: null } })}>
            {t(M.unfeature)}
          </Button>
        )}
        {p.remove && (
          <Popconfirm
            title={t(M.removeConfirm, { name: course.title })}
            okText={t(M.remove)}
            okButtonProps={{ danger: true }}
            cancelText={t(APP.cancel)}
            onConfirm={() => remove.run({ params })}
          >
            <Button danger type="text" icon={<DeleteOutlined />}>
              {t(M.remove)}
            </Button>
          </Popconfirm>
        )}
      </div>
      {course.status === 'submitted' && course.ownCourse && !p.review && (
        <Typography.Text type="secondary">{t(M.ownCourse)}</Typography.Text>
      )}
      {(dialog === 'approve' || dialog === 'return') && (
        <ReviewModal
          decision={dialog}
          busy={busy}
          onCancel={() => setDialog(null)}
          onOk={(comment) => void review.run({ params, body: { decision: dialog, comment } })}
        />
      )}
      {dialog === 'feature' && (
        <FeatureModal
          course={course}
          busy={busy}
          onCancel={() => setDialog(null)}
          onOk={(centreId) => void feature.run({ params, body: { centreId } })}
        />
      )}
    </>
  );
}

function ReviewModal({
  decision,
  busy,
  onCancel,
  onOk,
}: {
  decision: 'approve' | 'return';
  busy: boolean;
  onCancel: () => void;
  onOk: (comment: string | null) => void;
}) {
  const { t } = useI18n();
  const returning = decision === 'return';
  return (
    <CommentModal
      title={t(returning ? M.returnTitle : M.approve)}
      label={t(returning ? M.returnReason : M.approveComment)}
      id="review-comment"
      maxLength={COURSE_LIMITS.comment}
      required={returning}
      danger={returning}
      okText={t(returning ? M.returnCourse : M.approve)}
      busy={busy}
      onOk={(comment) => onOk(comment || null)}
      onClose={onCancel}
    />
  );
}

function FeatureModal({
  course,
  busy,
  onCancel,
  onOk,
}: {
  course: CourseDetail;
  busy: boolean;
  onCancel: () => void;
  onOk: (centreId: string) => void;
}) {
  const { t } = useI18n();
  const tree = useOrgTree();
  const rules = useCourseRules(course.townId ?? undefined);
  const [centreId, setCentreId] = useState<string>();
  const under = course.townId ?? undefined;
  const centres = (tree.data?.nodes ?? []).filter((n) => n.level === 'centre' && (!under || n.parentId === under));
  return (
    <Modal
      open
      title={t(M.featureTitle)}
      onCancel={onCancel}
      cancelText={t(APP.cancel)}
      confirmLoading={busy}
      okText={t(M.feature)}
      okButtonProps={{ disabled: !centreId }}
      onOk={() => centreId && onOk(centreId)}
    >
      <Typography.Paragraph strong>{course.title}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label={t(M.featureCentre)}
          required
          htmlFor="feature-centre"
          extra={t(M.featureHelp, { n: rules.data?.featuredPerCentre ?? 1 })}
        >
          <Select
            id="feature-centre"
            value={centreId}
            onChange={setCentreId}
            showSearch={{ optionFilterProp: 'label' }}
            options={centres.map((n) => ({ value: n.id, label: n.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
