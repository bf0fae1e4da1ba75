import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { M as APP } from '../i18n/messages';
import { useI18n } from '../i18n/i18n';

/**
 * The dialog around every small form (a status change, a norm, hours, a consent): 取消 and 保存
 * (or `okText`) at the foot, the form disabled while it is sent, the server's other errors
 * (`alert` of useFormMutation) above the fields, and `intro` above the form.
 */
export function FormModal<V>({
  title,
  form,
  busy,
  alert,
  onClose,
  onFinish,
  initialValues,
  onValuesChange,
  okText,
  cancelText,
  danger,
  width,
  intro,
  children,
}: {
  title: ReactNode;
  form: FormInstance<V>;
  busy: boolean;
  alert?: ReactNode;
  onClose: () => void;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  okText?: string;
  cancelText?: string;
  danger?: boolean;
  width?: number;
  /** Shown above the form: what the dialog does, before any error. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t(APP.save)}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={cancelText ?? t(APP.cancel)}
      confirmLoading={busy}
      destroyOnHidden
    >
      {intro}
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={busy}
        initialValues={initialValues}
        onValuesChange={onValuesChange}
      >
        {alert}
        {children}
      </Form>
    </Modal>
  );
}
