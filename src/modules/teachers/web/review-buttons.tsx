import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useApiMutation } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { TEACHER_LIMITS } from '../teachers.contract';
import { volunteerApi, type Hours, type HoursReview } from '../volunteer.contract';
import { M } from './teachers.messages';

/** Approve at once, or reject with a reason. Own records say so instead. */
export function ReviewButtons({ hours }: { hours: Hours }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
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
        <Modal
          open
          title={t(M.rejectTitle)}
          onCancel={() => setRejecting(false)}
          okText={t(M.reject)}
          okButtonProps={{ danger: true, disabled: !note.trim() }}
          cancelText={t(APP.cancel)}
          confirmLoading={busy}
          onOk={() => void send({ decision: 'rejected', note: note.trim() })}
        >
          <Typography.Paragraph>
            {hours.teacherName} · {hours.serviceDate} · {t(M.hoursN, { n: hours.hours })}
          </Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t(M.rejectReason)} required htmlFor={`reject-${hours.id}`}>
              <Input.TextArea
                id={`reject-${hours.id}`}
                rows={3}
                maxLength={TEACHER_LIMITS.reviewNote}
                showCount
                value={note}
                onChange={(e) => setNote(e.target.value)}
                autoFocus
              />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
