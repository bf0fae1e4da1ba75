import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/limits';
import { errorText } from '../../../web/api/api-error';
import { call } from '../../../web/api/client';
import { setupApi, type LoginInput } from '../account.contract';
import { useAuth } from '../../../web/auth/auth-context';
import { safeNext } from '../../../web/auth/require-auth';
import { useI18n, type Msg } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { LanguageSwitch } from '../../../web/layout/language-switch';

const M = {
  title: ['登录', 'Sign in'],
  login: ['用户名或手机号', 'Username or phone'],
  loginPlaceholder: ['请输入用户名或手机号', 'Your username or phone number'],
  password: ['密码', 'Password'],
  passwordPlaceholder: ['请输入密码', 'Your password'],
  submit: ['登录', 'Sign in'],
  forgot: [
    '忘记密码？请联系所在镇（街道）或县（区）的管理员重置。',
    'Forgot your password? Ask your town or county administrator to reset it.',
  ],
  enterLogin: ['请输入用户名或手机号', 'Enter your username or phone'],
  enterPassword: ['请输入密码', 'Enter your password'],
  setupDone: [
    '系统管理员“{name}”已创建，请用刚才设置的密码登录。',
    'The system admin “{name}” has been created; sign in with the password you just chose.',
  ],
} satisfies Record<string, Msg>;

/** 登录: username or phone and password; the server's words on failure. */
export function LoginPage() {
  const { t, locale } = useI18n();
  const { me, login, signedOutBecause } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  // Signing in goes through the auth context (it keeps who is signed in); the error stays on the page.
  const signIn = useMutation({
    mutationFn: (v: LoginInput) => login(v.login.trim(), v.password),
    onSuccess: (fresh) =>
      navigate(fresh.user.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next, {
        replace: true,
      }),
  });
  const { error, isPending: busy } = signIn;
  const [needsSetup, setNeedsSetup] = useState(false);
  const justCreated = params.get('setup');

  // A fresh installation without any account goes to the first-run page.
  useEffect(() => {
    if (!me)
      void call(setupApi.state, {}, { silent: true }).then(
        (s) => setNeedsSetup(s.needed),
        () => {},
      );
  }, [me]);

  if (needsSetup) return <Navigate to="/setup" replace />;
  if (me && !busy)
    return (
      <Navigate to={me.user.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next} replace />
    );

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(180deg, #e7f3ee 0%, #f5f7f6 60%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 12 }}>
        <LanguageSwitch />
      </div>
      <main
        style={{
          flex: 1,
          display: 'flex',
          alignItems: 'flex-start',
          justifyContent: 'center',
          padding: '4vh 12px 24px',
        }}
      >
        <div style={{ width: '100%', maxWidth: 420 }}>
          <div style={{ textAlign: 'center', marginBottom: 20 }}>
            <div
              aria-hidden
              style={{
                display: 'inline-flex',
                width: 56,
                height: 56,
                borderRadius: 12,
                background: '#0b6e4f',
                color: '#fff',
                alignItems: 'center',
                justifyContent: 'center',
                fontSize: 30,
                marginBottom: 12,
              }}
            >
              学
            </div>
            <h1 style={{ margin: 0, fontSize: 26, fontWeight: 600, color: '#1f2a24' }}>{t(APP.appName)}</h1>
          </div>
          {/* Plain markup instead of Card/Typography keeps this first page's download small. */}
          <section
            style={{
              background: '#fff',
              borderRadius: 8,
              boxShadow: '0 1px 3px rgba(0,0,0,0.08)',
              padding: '20px 20px 16px',
            }}
            aria-labelledby="login-title"
          >
            <h2 id="login-title" style={{ margin: '0 0 16px', fontSize: 20, fontWeight: 600 }}>
              {t(M.title)}
            </h2>
            {error ? (
              <Alert type="error" showIcon role="alert" title={errorText(error, locale)} style={{ marginBottom: 16 }} />
            ) : signedOutBecause ? (
              <Alert type="warning" showIcon title={errorText(signedOutBecause, locale)} style={{ marginBottom: 16 }} />
            ) : justCreated ? (
              <Alert
                type="success"
                showIcon
                title={t(M.setupDone, { name: justCreated })}
                style={{ marginBottom: 16 }}
              />
            ) : null}
            <Form<LoginInput>
              layout="vertical"
              size="large"
              onFinish={(v) => signIn.mutate(v)}
              requiredMark={false}
              disabled={busy}
              initialValues={{ login: justCreated ?? '' }}
            >
              <Form.Item
                name="login"
                label={t(M.login)}
                rules={[{ required: true, whitespace: true, message: t(M.enterLogin) }]}
              >
                <Input
                  prefix={<UserOutlined />}
                  placeholder={t(M.loginPlaceholder)}
                  autoComplete="username"
                  maxLength={64}
                  autoFocus
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t(M.password)}
                rules={[{ required: true, message: t(M.enterPassword) }]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  placeholder={t(M.passwordPlaceholder)}
                  autoComplete="current-password"
                  maxLength={LIMITS.passwordMax}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={busy}>
                {t(M.submit)}
              </Button>
            </Form>
            <p style={{ marginTop: 16, marginBottom: 0, fontSize: 15, color: '#50635a' }}>{t(M.forgot)}</p>
          </section>
        </div>
      </main>
    </div>
  );
}
