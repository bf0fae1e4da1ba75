import { Form, Input } from 'antd';
import { LIMITS } from '../../../shared/limits';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { PASSWORD_MSG, PasswordRulesHint, useConfirmRule, usePasswordRule } from './password-rules-hint';

/**
 * A new password and the same again (field `confirm`), with the rules shown under it and
 * checked as the server checks them (first admin, my password, an administrator's reset).
 */
export function NewPasswordFields({
  name,
  label,
  confirmLabel,
  username,
  autoFocus,
}: {
  /** The form field of the new password. */
  name: string;
  label: string;
  /** Default: 再次输入新密码 / Repeat the new password. */
  confirmLabel?: string;
  /** The password may not be the username. */
  username: string | undefined;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const passwordRule = usePasswordRule(username);
  const confirmRule = useConfirmRule(name);
  return (
    <>
      <Form.Item name={name} label={label} rules={[rules.required(t), passwordRule]} extra={<PasswordRulesHint />}>
        <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={confirmLabel ?? t(PASSWORD_MSG.confirm)}
        dependencies={[name]}
        rules={[rules.required(t), confirmRule]}
      >
        <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
      </Form.Item>
    </>
  );
}
