import { Form, Input, type FormItemProps } from 'antd';
import { useI18n } from '../../../web/i18n/i18n';
import { parseYuan, yuanText } from '../money';
import { M } from './funding.messages';

/**
 * An amount typed in yuan (at most two decimals), kept in the form as the text typed: the form
 * turns it into fen with parseYuan when it is sent, by the digits — never through a float.
 */
export function YuanField({
  positive,
  required = true,
  ...item
}: Omit<FormItemProps, 'rules' | 'children'> & { positive?: boolean; required?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item
      {...item}
      required={required}
      rules={[
        {
          validator: async (_, v: string | undefined) => {
            if ((v ?? '').trim() === '') {
              if (required) throw new Error(t(M.yuanInvalid));
              return;
            }
            const fen = parseYuan(v!);
            if (fen === null) throw new Error(t(M.yuanInvalid));
            if (positive && fen === 0) throw new Error(t(M.yuanPositive));
          },
        },
      ]}
    >
      <Input inputMode="decimal" suffix="元" autoComplete="off" style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** Fen of a form's yuan text (validated by YuanField before the form is sent). */
export const fenOf = (v: string | undefined): number => parseYuan(v ?? '') ?? 0;

/** Money as the pages show it: “1,234.56 元”. */
export function useYuan() {
  const { t } = useI18n();
  return (fen: number | null | undefined) =>
    fen === null || fen === undefined ? '—' : t(M.yuan, { v: yuanText(fen) });
}
