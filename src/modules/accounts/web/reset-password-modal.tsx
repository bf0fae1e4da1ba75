import { Alert, App, Form, Input, Modal } from 'antd';
import { usersApi, type User } from '../account.contract';
import { LIMITS } from '../../../shared/limits';
import { useFormMutation } from '../../../web/api/hooks';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { PASSWORD_MSG, PasswordRulesHint, useConfirmRule, usePasswordRule } from './password-rules-hint';
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
  const passwordRule = usePasswordRule(user.username);
  const confirmRule = useConfirmRule('password');

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
        <Form.Item
          name="password"
          label={t(M.newPassword)}
          extra={<PasswordRulesHint />}
          rules={[rules.required(t), passwordRule]}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t(PASSWORD_MSG.confirm)}
          dependencies={['password']}
          rules={[rules.required(t), confirmRule]}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
