import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Segmented } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useFormErrors } from '../../../web/components/form-errors';
import { useI18n } from '../../../web/i18n/i18n';
import { LIMITS } from '../../../shared/limits';
import type { z } from 'zod';
import {
  residentAuthApi,
  type ResidentMe,
  type ZResidentActivate,
  type ZResidentLogin,
} from '../resident-auth.contract';
import { ElderSwitch } from './elder-switch';
import { meCall, setResidentCsrf } from './portal-api';
import { M } from './portal.messages';
import { RESIDENT_ME_KEY } from './portal.queries';

/** The form's values: the login's, plus the activation's name and code (only the current mode's are shown). */
type Values = z.input<typeof ZResidentLogin> & z.input<typeof ZResidentActivate>;

/** Phone + password; or, the first time, phone + name + the centre's code to set a password. */
export function PortalLoginPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'login' | 'activate'>('login');
  const [form] = Form.useForm<Values>();
  const { alert, run, busy } = useFormErrors(form);
  const done = (me: ResidentMe) => {
    setResidentCsrf(me.csrfToken);
    qc.setQueryData(RESIDENT_ME_KEY, me);
  };
  const submit = (v: Values) =>
    run(async () => {
      done(
        await (mode === 'login'
          ? meCall(residentAuthApi.login, { body: v })
          : meCall(residentAuthApi.activate, { body: v })),
      );
    });
  return (
    <>
      <ElderSwitch />
      <Card title={t(M.loginTitle)}>
        <Segmented
          block
          value={mode}
          onChange={(v) => {
            setMode(v as typeof mode);
            form.resetFields();
          }}
          style={{ marginBottom: 16 }}
          options={[
            { value: 'login', label: t(M.loginTab) },
            { value: 'activate', label: t(M.activateTab) },
          ]}
        />
        {alert}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ remember: true }}>
          <Form.Item name="phone" label={t(M.phone)} rules={[{ required: true, message: t(M.phone) }]}>
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={LIMITS.phone} />
          </Form.Item>
          {mode === 'activate' && (
            <>
              <Form.Item name="name" label={t(M.name)} rules={[{ required: true, message: t(M.name) }]}>
                <Input autoComplete="name" maxLength={LIMITS.personName} />
              </Form.Item>
              <Form.Item
                name="code"
                label={t(M.code)}
                rules={[{ required: true, pattern: /^\d{8}$/, message: t(M.code) }]}
              >
                <Input inputMode="numeric" maxLength={8} autoComplete="one-time-code" />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="password"
            label={t(mode === 'login' ? M.password : M.newPassword)}
            rules={[{ required: true, message: t(M.password) }]}
          >
            <Input.Password
              autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
              maxLength={LIMITS.passwordMax}
            />
          </Form.Item>
          {mode === 'login' && (
            <Form.Item name="remember" valuePropName="checked">
              <Checkbox>{t(M.remember)}</Checkbox>
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t(mode === 'login' ? M.login : M.activate)}
          </Button>
        </Form>
      </Card>
    </>
  );
}
