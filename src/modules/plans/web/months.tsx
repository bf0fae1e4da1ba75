import { Form, Select } from 'antd';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { M } from './plans.messages';

/** A plan's and a schedule's months, 1 to 12. */
export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 2026-03: the month as the activities list and chinaMonth() write it. */
export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The month field of a plan item and of a schedule's work item (required). */
export function MonthField() {
  const { t } = useI18n();
  return (
    <Form.Item name="month" label={t(M.month)} rules={[{ required: true, message: t(APP.required) }]}>
      <Select options={MONTHS.map((m) => ({ value: m, label: t(M.monthN, { m }) }))} />
    </Form.Item>
  );
}
