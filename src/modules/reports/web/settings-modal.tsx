import { DatePicker, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useFormMutation } from '../../../web/api/hooks';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { reportsApi, type ReportSettings } from '../reports.contract';
import { M } from './reports.messages';

type Values = Omit<ReportSettings, 'startMonth'> & { startMonth: Dayjs | null };

/** The earliest and latest start months the server accepts: January 2000, next month. */
const FIRST = dayjs('2000-01-01');
const outOfRange = (d: Dayjs) => d.isBefore(FIRST, 'month') || d.isAfter(dayjs().add(1, 'month'), 'month');

/** The county's reporting calendar: the deadline day and the lock day of the next month, the start month. */
export function SettingsModal({
  countyId,
  settings,
  onClose,
}: {
  countyId: string;
  /** `start`: the start month in effect, shown when none is set. */
  settings: ReportSettings & { start: string };
  onClose: () => void;
}) {
  const { t, isZh } = useI18n();
  const [form] = Form.useForm<Values>();
  const { submit, busy, alert } = useFormMutation(form, reportsApi.setSettings, {
    success: t(M.saved),
    onSuccess: onClose,
  });
  dayjs.locale(isZh ? 'zh-cn' : 'en');
  return (
    <FormModal<Values>
      title={t(M.settings)}
      form={form}
      busy={busy}
      alert={alert}
      initialValues={{
        deadlineDay: settings.deadlineDay,
        lockDay: settings.lockDay,
        startMonth: settings.startMonth ? dayjs(`${settings.startMonth}-01`) : null,
      }}
      onClose={onClose}
      onFinish={({ startMonth, ...days }) =>
        void submit({
          params: { countyId },
          body: { ...days, startMonth: startMonth ? startMonth.format('YYYY-MM') : null },
        })
      }
    >
      <Form.Item name="deadlineDay" label={t(M.deadlineDay)} rules={[{ required: true }]}>
        <InputNumber min={1} max={28} />
      </Form.Item>
      <Form.Item name="lockDay" label={t(M.lockDay)} rules={[{ required: true }]}>
        <InputNumber min={1} max={28} />
      </Form.Item>
      <Form.Item name="startMonth" label={t(M.startMonth)} extra={t(M.startMonthHelp, { start: settings.start })}>
        <DatePicker
          picker="month"
          aria-label={t(M.startMonth)}
          placeholder={t(M.startMonthAuto, { start: settings.start })}
          disabledDate={outOfRange}
          style={{ width: 220 }}
        />
      </Form.Item>
    </FormModal>
  );
}
