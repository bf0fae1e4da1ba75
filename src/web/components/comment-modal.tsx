import { useState, type ReactNode } from 'react';
import { Form, Input, Modal } from 'antd';
import { M as APP } from '../i18n/messages';
import { useI18n } from '../i18n/i18n';

/**
 * The dialog that asks for a few words before acting (a return's reason, a cancellation's reason,
 * an approval's comment): what it is about above, one text box, 取消 and `okText` at the foot.
 * When the words are `required`, OK waits for them. `onOk` gets them trimmed ('' when none).
 */
export function CommentModal({
  title,
  intro,
  label,
  id,
  maxLength,
  required = true,
  danger = true,
  okText,
  busy,
  onOk,
  onClose,
}: {
  title: ReactNode;
  /** Shown above the text box: what is decided, or what follows. */
  intro?: ReactNode;
  label: string;
  /** The text box's id (its label points at it). */
  id: string;
  maxLength: number;
  required?: boolean;
  danger?: boolean;
  okText: string;
  busy: boolean;
  onOk: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={okText}
      okButtonProps={{ danger, disabled: required && !text.trim() }}
      cancelText={t(APP.cancel)}
      confirmLoading={busy}
      onOk={() => onOk(text.trim())}
      destroyOnHidden
    >
      {intro}
      <Form layout="vertical">
        <Form.Item label={label} required={required} htmlFor={id}>
          <Input.TextArea
            id={id}
            rows={3}
            maxLength={maxLength}
            showCount
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
