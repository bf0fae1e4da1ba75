import { Form, InputNumber } from 'antd';
import { useFormMutation } from '../../../web/api/hooks';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { reportsApi, type ReportSettings } from '../reports.contract';
import { M } from './reports.messages';

/** The county's reporting calendar: the deadline day and the lock day of the next month. */
export function SettingsModal({
  countyId,
  settings,
  onClose,
}: {
  countyId: string;
  settings: ReportSettings;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReportSettings>();
  const { submit, busy, alert } = useFormMutation(form, reportsApi.setSettings, {
    success: t(M.saved),
    onSuccess: onClose,
  });
  return (
    <FormModal<ReportSettings>
      title={t(M.settings)}
      form={form}
      busy={busy}
      alert={alert}
      initialValues={settings}
      onClose={onClose}
      onFinish={(body) => void submit({ params: { countyId }, body })}
    >
      <Form.Item name="deadlineDay" label={t(M.deadlineDay)} rules={[{ required: true }]}>
        <InputNumber min={1} max={28} />
      </Form.Item>
      <Form.Item name="lockDay" label={t(M.lockDay)} rules={[{ required: true }]}>
        <InputNumber min={1} max={28} />
      </Form.Item>
    </FormModal>
  );
}
