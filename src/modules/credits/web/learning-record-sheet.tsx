import { PrintPage } from '../../../web/components/print-page';
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
  const { t, isZh, locale } = useI18n();
  const day = (iso: string) => formatDate(iso);
  return (
    <PrintPage fontSize={16} css={RECORD_CSS} onBack={onClose ?? false} backLabel={t(M.back)}>
      <h1>{t(M.recordTitle)}</h1>
      <p style={{ textIndent: locale === 'zh-CN' ? '2em' : 0 }}>
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
      </p>
      <table>
        <thead>
          <tr>
            <th className="num">{t(M.recordNo)}</th>
            <th>{t(M.recordDate)}</th>
            <th>{t(M.recordActivity)}</th>
            <th>{t(M.theme)}</th>
            <th>{t(M.recordPlace)}</th>
            <th className="num">{t(M.recordHours)}</th>
            <th className="num">{t(M.creditsCol)}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.length === 0 && (
            <tr>
              <td colSpan={7} style={{ textAlign: 'center' }}>
                {t(M.recordEmpty)}
              </td>
            </tr>
          )}
          {r.items.map((i, n) => (
            <tr key={i.activityId}>
              <td className="num">{n + 1}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{day(i.date)}</td>
              <td>{i.title}</td>
              <td>{isZh ? i.themeName : i.themeNameEn}</td>
              <td>{i.centreName}</td>
              <td className="num">{i.hours}</td>
              <td className="num">{i.credits}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={5}>{t(M.recordTotal)}</th>
            <th className="num">{r.totalHours}</th>
            <th className="num">{r.totalCredits}</th>
          </tr>
        </tbody>
      </table>
      <div className="print-sign">
        <div>{t(M.recordIssuer, { county: r.resident.countyName })}</div>
        <div>{t(M.recordPrinted, { date: day(r.generatedAt) })}</div>
      </div>
    </PrintPage>
  );
}
