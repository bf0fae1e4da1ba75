import { Form, Input, type FormItemProps } from 'antd';
import { LIMITS } from '../../shared/limits';
import { useI18n } from '../i18n/i18n';
import { rules } from './rules';

/** The form item's own props (name, label, extra, tooltip, dependencies, style…); the field sets the rules. */
type ItemProps = Omit<FormItemProps, 'rules' | 'children'>;

/**
 * A text field of a form within the server's length limit: one line, or `rows` lines (a note,
 * a reason, a description). `required`: not blank (white space alone counts as blank).
 */
export function TextField({
  max,
  required,
  rows,
  autoFocus,
  placeholder,
  showCount,
  autoComplete,
  ...item
}: ItemProps & {
  /** At most this many characters: the box stops there and the rule says so. */
  max: number;
  required?: boolean;
  rows?: number;
  autoFocus?: boolean;
  placeholder?: string;
  showCount?: boolean;
  autoComplete?: string;
}) {
  const { t } = useI18n();
  const box = { maxLength: max, autoFocus, placeholder, showCount };
  return (
    <Form.Item {...item} rules={required ? [rules.required(t), rules.max(t, max)] : [rules.max(t, max)]}>
      {rows ? <Input.TextArea rows={rows} {...box} /> : <Input {...box} autoComplete={autoComplete} />}
    </Form.Item>
  );
}

/** A phone number field: blank or a valid mainland number (the server normalises it). */
export function PhoneField({ autoComplete, ...item }: ItemProps & { autoComplete?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item {...item} rules={[rules.phone(t)]}>
      <Input inputMode="tel" maxLength={LIMITS.phone} autoComplete={autoComplete} />
    </Form.Item>
  );
}
