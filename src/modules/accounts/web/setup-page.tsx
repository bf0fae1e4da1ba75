import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Spin } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { LIMITS } from '../../../shared/limits';
import { call } from '../../../web/api/client';
import { useFormMutation } from '../../../web/api/hooks';
import { rules } from '../../../web/components/rules';
import { useI18n, type Msg } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { LanguageSwitch } from '../../../web/layout/language-switch';
import { setupApi, type FirstAdmin, type SetupState } from '../account.contract';
import { NewPasswordFields } from './new-password-fields';

const M = {
  title: ['首次设置：创建系统管理员', 'First-run setup: create the system admin'],
  intro: [
    '系统中还没有任何账号。请创建第一个系统管理员，并设置只有您知道的密码。创建后本页面即关闭。',
    'The system has no account yet. Create the first system admin with a password only you know. This page closes once it is done.',
  ],
  setupCode: ['设置码', 'Setup code'],
  setupCodeHelp: [
    '服务器启动时在控制台（日志）中显示的设置码，例如 1A2B-3C4D-5E6F',
    'The code the server printed in its console (log) when it started, e.g. 1A2B-3C4D-5E6F',
  ],
  countyName: ['县（区）名称', 'County name'],
  countyHelp: [
    '组织架构的第一级，之后可在“组织架构”中修改并添加镇（街道）',
    'The top of the organisation tree; edit it and add towns later under Organisation',
  ],
  username: ['用户名', 'Username'],
  displayName: ['姓名', 'Name'],
  password: ['密码', 'Password'],
  confirm: ['再次输入密码', 'Repeat the password'],
  submit: ['创建系统管理员', 'Create the system admin'],
  cli: [
    '也可以在服务器上运行：npm run admin:create -- <用户名>',
    'Or run on the server: npm run admin:create -- <username>',
  ],
} satisfies Record<string, Msg>;

type Values = FirstAdmin & { confirm: string };

/** 首次设置: shown only while the database has no account; creates the first system admin. */
export function SetupPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<SetupState | null>(null);
  const [form] = Form.useForm<Values>();
  const create = useFormMutation(form, setupApi.createFirstAdmin, {
    onSuccess: ({ username }) => navigate(`/login?setup=${encodeURIComponent(username)}`, { replace: true }),
  });
  const username = Form.useWatch('username', form);

  useEffect(() => {
    void call(setupApi.state, {}, { silent: true }).then(setState, () => setState({ needed: false, hasCounty: true }));
  }, []);

  if (!state)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  if (!state.needed) return <Navigate to="/login" replace />;

  const submit = ({ confirm: _confirm, ...body }: Values) => create.submit({ body });

  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #e7f3ee 0%, #f5f7f6 60%)' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 12 }}>
        <LanguageSwitch />
      </div>
      <main style={{ display: 'flex', justifyContent: 'center', padding: '2vh 12px 24px' }}>
        <section
          style={{
            width: '100%',
            maxWidth: 480,
            background: '#fff',
            borderRadius: 8,
            boxShadow: '0 1px 3px rgba(0,0,0,0.08)',
            padding: '20px 20px 16px',
          }}
          aria-labelledby="setup-title"
        >
          <div style={{ color: '#50635a', marginBottom: 4 }}>{t(APP.appName)}</div>
          <h1 id="setup-title" style={{ margin: '0 0 12px', fontSize: 22, fontWeight: 600 }}>
            {t(M.title)}
          </h1>
          <Alert type="info" showIcon title={t(M.intro)} style={{ marginBottom: 16 }} />
          <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={create.busy}>
            {create.alert}
            <Form.Item name="setupCode" label={t(M.setupCode)} extra={t(M.setupCodeHelp)} rules={[rules.required(t)]}>
              <Input autoComplete="off" maxLength={40} autoFocus />
            </Form.Item>
            {!state.hasCounty && (
              <Form.Item
                name="countyName"
                label={t(M.countyName)}
                extra={t(M.countyHelp)}
                rules={[rules.required(t), rules.max(t, LIMITS.nodeName)]}
              >
                <Input maxLength={LIMITS.nodeName} />
              </Form.Item>
            )}
            <Form.Item name="username" label={t(M.username)} rules={[rules.required(t)]}>
              <Input autoComplete="username" maxLength={LIMITS.username} />
            </Form.Item>
            <Form.Item
              name="displayName"
              label={t(M.displayName)}
              rules={[rules.required(t), rules.max(t, LIMITS.personName)]}
            >
              <Input maxLength={LIMITS.personName} />
            </Form.Item>
            <NewPasswordFields name="password" label={t(M.password)} confirmLabel={t(M.confirm)} username={username} />
            <Button type="primary" htmlType="submit" block size="large" loading={create.busy}>
              {t(M.submit)}
            </Button>
          </Form>
          <p style={{ marginTop: 16, marginBottom: 0, fontSize: 14, color: '#50635a' }}>{t(M.cli)}</p>
        </section>
      </main>
    </div>
  );
}
