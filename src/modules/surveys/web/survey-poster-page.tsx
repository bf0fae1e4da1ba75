import { useParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { PrintPage } from '../../../web/components/print-page';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './surveys.messages';
import { usePoster, useSurvey } from './surveys.queries';

const POSTER_CSS = `
.print-sheet { text-align: center; }
.print-sheet h1 { font-size: 32px; letter-spacing: 2px; margin-top: 12mm; }
.sv-owner { font-size: 20px; margin-bottom: 10mm; }
.sv-qr { width: 110mm; height: 110mm; margin: 0 auto 8mm; }
.sv-scan { font-size: 24px; font-weight: 600; }
.sv-url { font-size: 13px; color: #444; word-break: break-all; margin-top: 6mm; }
`;

/** 问卷二维码海报: printed and put up where residents pass; a phone that scans it opens the survey. */
export function SurveyPosterPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const q = usePoster(id);
  const survey = useSurvey(id);
  if (q.isPending || survey.isPending) return <PageLoading />;
  if (q.error || survey.error)
    return <ErrorState error={q.error ?? survey.error} onRetry={() => void (q.refetch(), survey.refetch())} />;
  const { svg, url, title, ownerName } = q.data;
  return (
    <PrintPage css={POSTER_CSS}>
      <h1>{title}</h1>
      <div className="sv-owner">{t(M.posterFor, { owner: ownerName })}</div>
      <div
        className="sv-qr"
        role="img"
        aria-label={url}
        dangerouslySetInnerHTML={{ __html: svg.replace('<svg ', '<svg width="100%" height="100%" ') }}
      />
      <div className="sv-scan">{t(M.posterScan)}</div>
      <div>{t(M.posterHint)}</div>
      <div>{t(M.posterUntil, { date: survey.data.closesOn })}</div>
      <div className="sv-url">{url}</div>
    </PrintPage>
  );
}
