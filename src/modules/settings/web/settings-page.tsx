import { App, Button, Card, Form, InputNumber } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { settingsApi, type Settings } from '../settings.contract';
import { apiKey, useApi, useFormMutation } from '../../../web/api/hooks';
import { ME_KEY } from '../../../web/auth/auth-context';
import { ErrorState } from '../../../web/components/error-state';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n, type Msg } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';

const M = {
  title: ['系统设置', 'Settings'],
  security: ['账号安全', 'Account security'],
  maxAge: ['密码有效期（天）', 'Password lifetime (days)'],
  maxAgeHelp: [
    '超过这么多天没改密码，登录后须先修改。填 0 表示不限制（默认）。',
    'After this many days a user must change their password at sign-in. 0 turns this off (the default).',
  ],
  idle: ['无操作自动退出（分钟）', 'Sign out after inactivity (minutes)'],
  idleHelp: [
    '这么多分钟内没有任何操作，就需要重新登录。5 到 1440 分钟。',
    'After this many minutes without activity, users must sign in again. 5 to 1440.',
  ],
  days: ['天', 'days'],
  minutes: ['分钟', 'minutes'],
} satisfies Record<string, Msg>;

/** 系统设置 (system admins): password lifetime and the idle timeout. */
export function SettingsPage() {
  const { t } = useI18n();
  const q = useApi(settingsApi.get, {});
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader title={t(M.title)} />
      <SettingsForm settings={q.data} />
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Settings>();
  const save = useFormMutation(form, settingsApi.update, {
    invalidates: [],
    onSuccess: (saved) => {
      qc.setQueryData(apiKey(settingsApi.get, {}), saved);
      // The idle timeout is part of /api/auth/me: read it again.
      void qc.invalidateQueries({ queryKey: ME_KEY });
      form.setFieldsValue(saved);
      void message.success(t(APP.saved));
    },
  });
  const submit = (body: Settings) => save.submit({ body });

  return (
    <Card title={t(M.security)} style={{ maxWidth: 640 }}>
      <Form<Settings> form={form} layout="vertical" initialValues={settings} onFinish={submit} disabled={save.busy}>
        {save.alert}
        <Form.Item
          name="passwordMaxAgeDays"
          label={t(M.maxAge)}
          extra={t(M.maxAgeHelp)}
          rules={[{ required: true, message: t(APP.required) }]}
        >
          <InputNumber min={0} max={3650} precision={0} suffix={t(M.days)} style={{ width: 200 }} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="idleTimeoutMinutes"
          label={t(M.idle)}
          extra={t(M.idleHelp)}
          rules={[{ required: true, message: t(APP.required) }]}
        >
          <InputNumber
            min={5}
            max={1440}
            precision={0}
            suffix={t(M.minutes)}
            style={{ width: 200 }}
            inputMode="numeric"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.busy}>
          {t(APP.save)}
        </Button>
      </Form>
    </Card>
  );
}
