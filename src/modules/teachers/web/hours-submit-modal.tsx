import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useFormMutation } from '../../../web/api/hooks';
import { rules } from '../../../web/components/rules';
import { TextField } from '../../../web/components/field-text';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { TEACHER_LIMITS } from '../teachers.contract';
import { HOURS_LIMITS, volunteerApi, type HoursSubmit, type MyTeacher } from '../volunteer.contract';
import { M } from './teachers.messages';
import { chinaToday } from '../../../shared/china-time';

/** The contract's fields, with the date as the picker holds it. */
type Values = Omit<HoursSubmit, 'serviceDate'> & { serviceDate: Dayjs };

/** A volunteer logs their own hours; the centre manager reviews them. */
export function HoursSubmitModal({ entries, onClose }: { entries: MyTeacher[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const send = useFormMutation(form, volunteerApi.submit, { success: t(M.submitted), onSuccess: onClose });
  const active = entries.filter((e) => e.status === 'active');
  const teacherId = Form.useWatch('teacherId', form);
  const places = active.find((e) => e.id === teacherId)?.places ?? [];

  const submit = (v: Values) =>
    send.submit({
      body: {
        teacherId: v.teacherId,
        nodeId: v.nodeId,
        serviceDate: v.serviceDate.format('YYYY-MM-DD'),
        hours: v.hours,
        description: v.description.trim(),
      },
    });

  const first = active[0];
  return (
    <FormModal<Values>
      title={t(M.submitTitle)}
      onClose={onClose}
      {...send.formProps(submit)}
      initialValues={{
        teacherId: first?.id,
        nodeId: first?.places.length === 1 ? first.places[0].id : undefined,
        serviceDate: dayjs(chinaToday()),
        hours: 2,
      }}
      onValuesChange={(changed: Partial<Values>) => {
        if ('teacherId' in changed) form.setFieldValue('nodeId', undefined);
      }}
    >
      {active.length > 1 && (
        <Form.Item name="teacherId" label={t(M.myEntry)} rules={[rules.chosen(t)]}>
          <Select options={active.map((e) => ({ value: e.id, label: `${e.name} · ${e.bankNodeName}` }))} />
        </Form.Item>
      )}
      {active.length <= 1 && (
        <Form.Item name="teacherId" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="nodeId" label={t(M.place)} rules={[rules.chosen(t)]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={places.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="serviceDate" label={t(M.serviceDate)} rules={[rules.chosen(t)]}>
        <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} />
      </Form.Item>
      <Form.Item name="hours" label={t(M.hours)} extra={t(M.hoursHelp)} rules={[rules.chosen(t)]}>
        <InputNumber
          min={HOURS_LIMITS.min}
          max={HOURS_LIMITS.max}
          step={0.5}
          precision={1}
          inputMode="decimal"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <TextField
        name="description"
        label={t(M.description)}
        max={TEACHER_LIMITS.description}
        required
        rows={3}
        showCount
      />
    </FormModal>
  );
}
