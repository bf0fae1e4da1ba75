import { App, Button, Form, Input } from 'antd';
import { LIMITS } from '../../../shared/limits';
import { useFormMutation } from '../../../web/api/hooks';
import { rules } from '../../../web/components/rules';
import { useI18n, type Msg } from '../../../web/i18n/i18n';
import { authApi, type ChangePassword } from '../account.contract';
import { NewPasswordFields } from './new-password-fields';

const M = {
  current: ['当前密码', 'Current password'],
  next: ['新密码', 'New password'],
  submit: ['修改密码', 'Change password'],
  done: ['密码已修改。其他设备上的登录已退出。', 'Password changed. Other devices have been signed out.'],
} satisfies Record<string, Msg>;

type Values = ChangePassword & { confirm: string };

/** Change my own password: the rules are shown and checked before the server checks them again. */
export function ChangePasswordForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useFormMutation(form, authApi.changePassword, {
    onSuccess: () => {
      form.resetFields();
      void message.success(t(M.done));
      onDone?.();
    },
  });

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.submit({ body: { currentPassword, newPassword } });

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 440 }}>
      {change.alert}
      <Form.Item name="currentPassword" label={t(M.current)} rules={[rules.required(t)]}>
        <Input.Password autoComplete="current-password" maxLength={LIMITS.passwordMax} />
      </Form.Item>
      <NewPasswordFields name="newPassword" label={t(M.next)} username={username} />
      <Button type="primary" htmlType="submit" loading={change.busy}>
        {t(M.submit)}
      </Button>
    </Form>
  );
}
