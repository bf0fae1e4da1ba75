import { Alert, App as AntApp, Button, Card, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../../web/auth/auth-context';
import { safeNext } from '../../../web/auth/require-auth';
import { useI18n, type Msg } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { LanguageSwitch } from '../../../web/layout/language-switch';
import { ChangePasswordForm } from './change-password-form';

const M = {
  title: ['请先修改密码', 'Please change your password first'],
  why: [
    '为了账号安全，首次登录、管理员重置密码后或密码到期时，需要先设置一个新密码，才能继续使用。',
    'For your account’s safety, set a new password before you go on: after the first sign-in, after an administrator reset it, or when it has expired.',
  ],
} satisfies Record<string, Msg>;

/** Where a user lands while the server answers PASSWORD_CHANGE_REQUIRED to everything else. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh, logout } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  const done = async () => {
    await refresh();
    navigate(next, { replace: true });
  };

  return (
    <AntApp>
      <div style={{ minHeight: '100vh', background: '#f5f7f6' }}>
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            padding: '8px 12px',
            background: '#fff',
            borderBottom: '1px solid #e6ece9',
          }}
        >
          <Typography.Text strong style={{ color: '#0b6e4f', fontSize: 17 }}>
            {t(APP.appShort)}
          </Typography.Text>
          <span>
            <LanguageSwitch />
            <Button type="text" onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
              {t(APP.logout)}
            </Button>
          </span>
        </div>
        <main style={{ maxWidth: 520, margin: '0 auto', padding: '24px 12px' }}>
          <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t(M.title)}</h1>}>
            {me.user.mustChangePassword && <Alert type="info" showIcon title={t(M.why)} style={{ marginBottom: 16 }} />}
            <ChangePasswordForm username={me.user.username} onDone={() => void done()} />
          </Card>
        </main>
      </div>
    </AntApp>
  );
}
