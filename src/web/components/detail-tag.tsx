import { Tag } from 'antd';
import { useI18n, type Label } from '../i18n/i18n';

/**
 * One value of a closed list (a status, a kind) as a coloured tag, in a detail or a table row:
 * its words and its colour from the module's two tables. `large`: the 14px type of the
 * course, activity and credit tags.
 */
export function ValueTag<K extends string>({
  value,
  labels,
  colors,
  large,
}: {
  value: K;
  labels: Record<K, Label>;
  colors: Record<K, string>;
  large?: boolean;
}) {
  const { label } = useI18n();
  return (
    <Tag color={colors[value]} style={large ? { fontSize: 14 } : undefined}>
      {label(labels[value])}
    </Tag>
  );
}
