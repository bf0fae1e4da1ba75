import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../../../web/i18n/i18n';
import type { LearningRecord } from '../credits.contract';
import { M } from './credits.messages';
import { formatDate } from '../../../shared/china-time';

/** A4 on paper: the buttons are not printed. */
const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
.lr-sheet { max-width: 178mm; margin: 24px auto; background: #fff; padding: 18mm 16mm; box-shadow: 0 1px 6px rgba(0,0,0,.12); color: #111; font-size: 16px; line-height: 1.8; }
.lr-sheet h1 { text-align: center; font-size: 26px; letter-spacing: 6px; margin: 0 0 24px; }
.lr-sheet table { width: 100%; border-collapse: collapse; margin: 16px 0; font-size: 14px; }
.lr-sheet th, .lr-sheet td { border: 1px solid #333; padding: 6px 8px; text-align: left; vertical-align: top; }
.lr-sheet th { background: #f2f2f2; }
.lr-sheet .num { text-align: right; white-space: nowrap; }
.lr-sign { margin-top: 40px; text-align: right; line-height: 2.4; }
.lr-toolbar { display: flex; gap: 8px; justify-content: center; padding: 16px; flex-wrap: wrap; }
@media (max-width: 640px) { .lr-sheet { margin: 0; padding: 16px 12px; box-shadow: none; } .lr-sheet table { font-size: 13px; } .lr-sheet th, .lr-sheet td { padding: 4px; } }
@media print {
  body { background: #fff !important; }
  .lr-toolbar { display: none !important; }
  .lr-sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  .lr-sheet tr { break-inside: avoid; }
}
`;

/** 学习档案 ready to print: what the resident attended, hours and credits. Used by the staff page and the resident's phone. */
export function LearningRecordSheet({ r, onClose }: { r: LearningRecord; onClose?: () => void }) {
  const { t, isZh, locale } = useI18n();
  const day = (iso: string) => formatDate(iso);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="lr-toolbar">
        <Button type="primary" size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t(M.print)}
        </Button>
        {onClose && (
          <Button size="large" onClick={onClose}>
            {t(M.back)}
          </Button>
        )}
      </div>
      <div className="lr-sheet">
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
        <div className="lr-sign">
          <div>{t(M.recordIssuer, { county: r.resident.countyName })}</div>
          <div>{t(M.recordPrinted, { date: day(r.generatedAt) })}</div>
        </div>
      </div>
    </>
  );
}
