import { ValueTag } from '../../../web/components/detail-tag';
import { SURVEY_KIND_LABELS, SURVEY_STATUS_LABELS, type SurveyKind, type SurveyStatus } from '../surveys.contract';

const STATUS_COLORS: Record<SurveyStatus, string> = { draft: 'default', published: 'green', closed: 'blue' };
const KIND_COLORS: Record<SurveyKind, string> = { needs: 'purple', rates: 'gold' };

export const SurveyStatusTag = ({ status }: { status: SurveyStatus }) => (
  <ValueTag value={status} labels={SURVEY_STATUS_LABELS} colors={STATUS_COLORS} />
);
export const SurveyKindTag = ({ kind }: { kind: SurveyKind }) => (
  <ValueTag value={kind} labels={SURVEY_KIND_LABELS} colors={KIND_COLORS} />
);
