import { Select } from 'antd';
import { useI18n } from '../../../web/i18n/i18n';
import type { Bank } from '../teachers.contract';
import { M } from './teachers.messages';
import { useBanks } from './teachers.queries';

type Props = {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Only the banks the user keeps (for the form). */
  keptOnly?: boolean;
  id?: string;
  'aria-label'?: string;
};

/** Pick a town or centre bank the user may read (or keep); searchable by name. */
export function BankSelect({ value, onChange, placeholder, allowClear, disabled, keptOnly, id, ...rest }: Props) {
  const { t } = useI18n();
  const banks = useBanks();
  const name = (b: Bank) =>
    b.level === 'town'
      ? t(M.townBank, { name: b.name })
      : t(M.centreBank, { name: b.townName ? `${b.townName} · ${b.name}` : b.name });
  const options = (banks.data ?? [])
    .filter((b) => !keptOnly || b.canKeep)
    .map((b) => ({ value: b.id, label: name(b) }));
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={banks.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
