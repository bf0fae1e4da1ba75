import { Form, InputNumber, type FormItemProps, type InputNumberProps } from 'antd';
import { useI18n } from '../i18n/i18n';
import { rules } from './rules';

/**
 * A number field of a form, as wide as the form, between `min` and `max`: whole numbers
 * (`precision={0}`) bring up a phone's digit keyboard, others its decimal one. `required`:
 * something must be entered.
 */
export function NumberField({
  min,
  max,
  step,
  precision,
  size,
  required,
  ...item
}: Omit<FormItemProps, 'rules' | 'children'> &
  Pick<InputNumberProps, 'min' | 'max' | 'step' | 'precision' | 'size'> & { required?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item {...item} rules={required ? [rules.chosen(t)] : undefined}>
      <InputNumber
        min={min}
        max={max}
        step={step}
        precision={precision}
        inputMode={precision === 0 ? 'numeric' : 'decimal'}
        size={size}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}
