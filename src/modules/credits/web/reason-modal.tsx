import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { CREDIT_LIMITS } from '../credits.contract';
import { M } from './credits.messages';

/** Asks for the reason of a correction (reversal, cancelled redemption), then runs it. */
export function ReasonModal({
  title,
  help,
  okText,
  busy,
  onSubmit,
  onClose,
}: {
  title: string;
  help: string;
  okText: string;
  /** A mutation's `busy` and `run` (useApiMutation: its error is shown, and the modal stays open). */
  busy: boolean;
  onSubmit: (reason: string) => Promise<{ ok: boolean }>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = async () => {
    if ((await onSubmit(reason.trim())).ok) onClose();
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={okText}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      cancelText={t(APP.cancel)}
      confirmLoading={busy}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t(M.reason)} required htmlFor="credit-reason">
          <Input.TextArea
            id="credit-reason"
            rows={3}
            maxLength={CREDIT_LIMITS.reason}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
