import { Alert, App, Form, Modal } from 'antd';
import { usersApi, type User } from '../account.contract';
import { useFormMutation } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NewPasswordFields } from './new-password-fields';
import { M } from './users.messages';

type Values = { password: string; confirm: string };

/** An administrator sets a new password; the account must change it at its next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useFormMutation(form, usersApi.resetPassword, {
    onSuccess: () => {
      void message.success(t(M.resetDone));
      onClose();
    },
  });

  const submit = (v: Values) => reset.submit({ params: { id: user.id }, body: { password: v.password } });

  return (
    <Modal
      open
      title={t(M.resetTitle, { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(M.resetPassword)}
      cancelText={t(APP.cancel)}
      confirmLoading={reset.busy}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t(M.resetHelp)} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {reset.alert}
        <NewPasswordFields name="password" label={t(M.newPassword)} username={user.username} autoFocus />
      </Form>
    </Modal>
  );
}
