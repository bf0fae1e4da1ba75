import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useFormMutation } from '../../../web/api/hooks';
import { rules } from '../../../web/components/rules';
import { TextField } from '../../../web/components/field-text';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import {
  TEACHER_LIMITS,
  TEACHER_STATUSES,
  TEACHER_STATUS_LABELS,
  teachersApi,
  type StatusChange,
  type TeacherDetail,
} from '../teachers.contract';
import { M } from './teachers.messages';
import { chinaToday, formatDate } from '../../../shared/china-time';

/** The contract's fields, with the date as the picker holds it. */
type Values = Omit<StatusChange, 'effectiveDate'> & { effectiveDate: Dayjs };

/** 动态管理: a new status with its date and reason; the server appends it to the history. */
export function StatusChangeModal({ teacher, onClose }: { teacher: TeacherDetail; onClose: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const send = useFormMutation(form, teachersApi.changeStatus, { success: t(M.statusChanged), onSuccess: onClose });
  const since = dayjs(formatDate(teacher.statusSince));

  const submit = (v: Values) =>
    send.submit({
      params: { id: teacher.id },
      body: { status: v.status, effectiveDate: v.effectiveDate.format('YYYY-MM-DD'), reason: v.reason.trim() },
    });

  return (
    <FormModal<Values>
      title={t(M.statusTitle, { name: teacher.name })}
      onClose={onClose}
      {...send.formProps(submit)}
      initialValues={{ effectiveDate: dayjs(chinaToday()) }}
    >
      <Form.Item name="status" label={t(M.newStatus)} rules={[rules.chosen(t)]}>
        <Select
          options={TEACHER_STATUSES.filter((s) => s !== teacher.status).map((s) => ({
            value: s,
            label: label(TEACHER_STATUS_LABELS[s]),
          }))}
        />
      </Form.Item>
      <Form.Item name="effectiveDate" label={t(M.effectiveDate)} rules={[rules.chosen(t)]}>
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={(d) => d.isAfter(chinaToday(), 'day') || d.isBefore(since, 'day')}
        />
      </Form.Item>
      <TextField
        name="reason"
        label={t(M.reason)}
        max={TEACHER_LIMITS.reason}
        required
        rows={2}
        showCount
        placeholder={t(M.reasonPlaceholder)}
      />
    </FormModal>
  );
}
