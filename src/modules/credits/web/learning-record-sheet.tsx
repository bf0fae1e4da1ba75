import { PrintIntro, PrintPage, PrintSign, PrintTable } from '../../../web/components/print-page';
import { useI18n } from '../../../web/i18n/i18n';
import type { LearningRecord } from '../credits.contract';
import { M } from './credits.messages';
import { formatDate } from '../../../shared/china-time';

/** The record's own rules on the one print layout: a wider-spaced title, more room around the table and above the issuer. */
const RECORD_CSS = `
.print-sheet h1 { letter-spacing: 6px; margin-bottom: 24px; }
.print-sheet table { margin: 16px 0; }
.print-sign { margin-top: 40px; }
@media screen and (max-width: 640px) { .print-sheet { padding: 16px 12px; } }
`;

/** 学习档案 ready to print: what the resident attended, hours and credits. Close shows only with `onClose`. */
export function LearningRecordSheet({ r, onClose }: { r: LearningRecord; onClose?: () => void }) {
  const { t, isZh } = useI18n();
  const day = (iso: string) => formatDate(iso);
  return (
    <PrintPage fontSize={16} css={RECORD_CSS} onBack={onClose ?? false} backLabel={t(M.back)}>
      <h1>{t(M.recordTitle)}</h1>
      <PrintIntro>
        {t(M.recordIntro, {
          name: r.resident.name,
          county: r.resident.countyName,
          village: r.resident.nodeName,
          date: day(r.generatedAt),
          count: r.totalActivities,
          hours: r.totalHours,
          credits: r.totalCredits,
          balance: r.balance,
        })}
      </PrintIntro>
      <PrintTable
        items={r.items}
        rowKey={(i) => i.activityId}
        empty={t(M.recordEmpty)}
        columns={[
          { title: t(M.recordDate), nowrap: true, cell: (i) => day(i.date) },
          { title: t(M.recordActivity), cell: (i) => i.title },
          { title: t(M.theme), cell: (i) => (isZh ? i.themeName : i.themeNameEn) },
          { title: t(M.recordPlace), cell: (i) => i.centreName },
          { title: t(M.recordHours), num: true, cell: (i) => i.hours, total: r.totalHours },
          { title: t(M.creditsCol), num: true, cell: (i) => i.credits, total: r.totalCredits },
        ]}
      />
      <PrintSign
        lines={[t(M.recordIssuer, { county: r.resident.countyName }), t(M.recordPrinted, { date: day(r.generatedAt) })]}
      />
    </PrintPage>
  );
}
