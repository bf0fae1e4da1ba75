import { useState } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { errorText } from '../../../web/api/api-error';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { CREDIT_LIMITS } from '../credits.contract';
import { M } from './credits.messages';

/** Asks for the reason of a correction (reversal, cancelled redemption), then runs it. */
export function ReasonModal({
  title,
  help,
  okText,
  onSubmit,
  onClose,
}: {
  title: string;
  help: string;
  okText: string;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setBusy(false);
    }
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
