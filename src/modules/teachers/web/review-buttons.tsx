import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { useApiMutation } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { CommentModal } from '../../../web/components/comment-modal';
import { TEACHER_LIMITS } from '../teachers.contract';
import { volunteerApi, type Hours, type HoursReview } from '../volunteer.contract';
import { M } from './teachers.messages';

/** Approve at once, or reject with a reason. Own records say so instead. */
export function ReviewButtons({ hours }: { hours: Hours }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const { run, busy } = useApiMutation(volunteerApi.review, {
    onSuccess: (_, { body }) => {
      void message.success(t(body.decision === 'approved' ? M.approved : M.rejected));
      setRejecting(false);
    },
  });
  const send = (body: HoursReview) => run({ params: { id: hours.id }, body });

  if (hours.status !== 'pending') return null;
  if (!hours.canReview) return <Typography.Text type="secondary">{t(M.ownRecord)}</Typography.Text>;
  return (
    <>
      <Space size={4}>
        <Button
          type="primary"
          size="small"
          loading={busy}
          onClick={() => void send({ decision: 'approved', note: null })}
        >
          {t(M.approve)}
        </Button>
        <Button danger size="small" disabled={busy} onClick={() => setRejecting(true)}>
          {t(M.reject)}
        </Button>
      </Space>
      {rejecting && (
        <CommentModal
          title={t(M.rejectTitle)}
          intro={
            <Typography.Paragraph>
              {hours.teacherName} · {hours.serviceDate} · {t(M.hoursN, { n: hours.hours })}
            </Typography.Paragraph>
          }
          label={t(M.rejectReason)}
          id={`reject-${hours.id}`}
          maxLength={TEACHER_LIMITS.reviewNote}
          okText={t(M.reject)}
          busy={busy}
          onOk={(note) => void send({ decision: 'rejected', note })}
          onClose={() => setRejecting(false)}
        />
      )}
    </>
  );
}
