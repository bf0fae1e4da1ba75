import { Typography } from 'antd';
import { LIMITS } from '../../../shared/limits';
import { checkPassword } from '../../../shared/password-rules';
import { FIELD_MESSAGES } from '../../../shared/validation';
import type { Rule } from 'antd/es/form';
import { useI18n, type Msg } from '../../../web/i18n/i18n';

const M = {
  rules: [
    '密码要求：至少 {min} 位；不能是常见密码（如 12345678、password）；不能与用户名相同。',
    'Password rules: at least {min} characters; not a common password (like 12345678 or password); not the same as the username.',
  ],
  confirm: ['再次输入新密码', 'Repeat the new password'],
  mismatch: ['两次输入的密码不一致', 'The two passwords differ'],
} satisfies Record<string, Msg>;

export const PASSWORD_MSG = M;

/** The rules in plain words, shown under a new-password field. */
export function PasswordRulesHint() {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 14 }}>
      {t(M.rules, { min: LIMITS.passwordMin })}
    </Typography.Text>
  );
}

/** The same check as the server (src/shared/password-rules.ts), before sending. */
export function usePasswordRule(username: string | undefined): Rule {
  const { isZh } = useI18n();
  return {
    validator: async (_r, v: unknown) => {
      if (typeof v !== 'string' || v === '') return;
      const problem = checkPassword(v, username);
      if (problem) throw new Error(isZh ? FIELD_MESSAGES[problem].zh : FIELD_MESSAGES[problem].en);
    },
  };
}

/** "Repeat the password" must match the field `name`. */
export function useConfirmRule(name: string): Rule {
  const { t } = useI18n();
  return ({ getFieldValue }) => ({
    validator: async (_r, v: unknown) => {
      if (v && v !== getFieldValue(name)) throw new Error(t(M.mismatch));
    },
  });
}
