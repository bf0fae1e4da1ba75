import type { ReactNode } from 'react';
import { Button, Drawer, Form, Space, type FormInstance, type FormProps } from 'antd';
import { M as APP } from '../i18n/messages';
import { useI18n } from '../i18n/i18n';
import { useDrawerWidth } from './use-drawer-width';

/** The form inside the drawer: its values, what saving does with them, the server's other errors on top. */
type WithForm<V> = {
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  /** The server's errors that belong to no field (`alert` of useSaveMutation / useFormMutation). */
  alert?: ReactNode;
  /** The size of the form's controls (default: the app's). */
  size?: FormProps['size'];
  /** Shown in the drawer after the form, outside it: a dialog with a form of its own. */
  after?: ReactNode;
  onSave?: undefined;
};

/** Or the caller's own content, and what 保存 does. */
type WithoutForm = { onSave: () => void; form?: undefined };

/** What a create/edit drawer is given: which thing (or none yet), how to close, what follows a save. */
export type FormDrawerProps<Mode> = { mode: Mode; onClose: () => void; onSaved: (id: string) => void };

/**
 * The drawer around every create/edit form: full width on a phone, 取消 and 保存 at the foot.
 * Given a `form`, it holds it too: vertical, disabled while it is sent, scrolled to the first
 * error, `alert` above the fields, 保存 submits it.
 */
export function FormDrawer<V>({
  title,
  width,
  busy,
  onClose,
  children,
  ...rest
}: {
  title: ReactNode;
  /** Width on a wide screen, in pixels. */
  width?: number;
  busy: boolean;
  onClose: () => void;
  children: ReactNode;
} & (WithForm<V> | WithoutForm)) {
  const { t } = useI18n();
  const size = useDrawerWidth(width);
  return (
    <Drawer
      open
      size={size}
      title={title}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t(APP.cancel)}</Button>
          <Button type="primary" loading={busy} onClick={rest.form ? () => rest.form.submit() : rest.onSave}>
            {t(APP.save)}
          </Button>
        </Space>
      }
    >
      {rest.form ? (
        <Form<V>
          form={rest.form}
          layout="vertical"
          onFinish={rest.onFinish}
          disabled={busy}
          scrollToFirstError
          initialValues={rest.initialValues}
          onValuesChange={rest.onValuesChange}
          size={rest.size}
        >
          {rest.alert}
          {children}
        </Form>
      ) : (
        children
      )}
      {rest.form && rest.after}
    </Drawer>
  );
}
