import { ValueTag } from '../../../web/components/detail-tag';
import { ENTRY_KIND_LABELS, type EntryKindKey } from '../credits.contract';

const COLORS: Record<EntryKindKey, string> = {
  attendance: 'green',
  resource: 'cyan',
  volunteer: 'magenta',
  award: 'gold',
  redeem: 'blue',
  reversal: 'default',
};

export function EntryKindTag({ kind }: { kind: EntryKindKey }) {
  return <ValueTag value={kind} labels={ENTRY_KIND_LABELS} colors={COLORS} large />;
}

/** +2.5 / −4: earnings green, spends and reversals plain. */
export function Amount({ n }: { n: number }) {
  return (
    <strong style={{ color: n > 0 ? '#237804' : '#a8071a', fontSize: 16, whiteSpace: 'nowrap' }}>
      {n > 0 ? `+${n}` : `${n}`}
    </strong>
  );
}
