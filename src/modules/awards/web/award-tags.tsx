import { ValueTag } from '../../../web/components/detail-tag';
import { NOMINATION_STATUS_LABELS, SELECTION_STATUS_LABELS, type NominationStatus } from '../awards.contract';

const NOMINATION_COLORS: Record<NominationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  reviewed: 'cyan',
  approved: 'green',
  rejected: 'red',
  published: 'gold',
};

export function NominationStatusTag({ status }: { status: NominationStatus }) {
  return <ValueTag value={status} labels={NOMINATION_STATUS_LABELS} colors={NOMINATION_COLORS} large />;
}

export function SelectionStatusTag({ status }: { status: 'open' | 'published' }) {
  return (
    <ValueTag value={status} labels={SELECTION_STATUS_LABELS} colors={{ open: 'blue', published: 'gold' }} large />
  );
}
