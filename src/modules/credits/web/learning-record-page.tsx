import { useParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useLearningRecord } from './credits.queries';
import { LearningRecordSheet } from './learning-record-sheet';

/** Staff print a resident's 学习档案 (opened in its own tab from the account). */
export function LearningRecordPage() {
  const { id } = useParams();
  const q = useLearningRecord(id);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} />;
  return <LearningRecordSheet r={q.data} onClose={() => window.close()} />;
}
