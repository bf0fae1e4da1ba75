import { Alert, Form } from 'antd';
import { usersApi, type User } from '../account.contract';
import { useFormMutation } from '../../../web/api/hooks';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { NewPasswordFields } from './new-password-fields';
import { M } from './users.messages';

type Values = { password: string; confirm: string };

/** An administrator sets a new password; the account must change it at its next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const reset = useFormMutation(form, usersApi.resetPassword, { success: t(M.resetDone), onSuccess: onClose });

  const submit = (v: Values) => reset.submit({ params: { id: user.id }, body: { password: v.password } });

  return (
    <FormModal<Values>
      title={t(M.resetTitle, { name: user.displayName })}
      onClose={onClose}
      {...reset.formProps(submit)}
      okText={t(M.resetPassword)}
      intro={<Alert type="info" showIcon title={t(M.resetHelp)} style={{ marginBottom: 16 }} />}
    >
      <NewPasswordFields name="password" label={t(M.newPassword)} username={user.username} autoFocus />
    </FormModal>
  );
}
