import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { GENDER_LABELS, type GENDERS } from '../teachers.contract';
import { M } from './teachers.messages';
import { useServiceRecord } from './teachers.queries';
import { formatDate } from '../../../shared/china-time';

/** A4 on paper: the app's frame and the buttons are not printed. */
const PRINT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
.sr-sheet { max-width: 178mm; margin: 24px auto; background: #fff; padding: 18mm 16mm; box-shadow: 0 1px 6px rgba(0,0,0,.12); color: #111; font-size: 15px; line-height: 1.8; }
.sr-sheet h1 { text-align: center; font-size: 26px; letter-spacing: 6px; margin: 0 0 24px; }
.sr-sheet table { width: 100%; border-collapse: collapse; margin: 16px 0; font-size: 14px; }
.sr-sheet th, .sr-sheet td { border: 1px solid #333; padding: 6px 8px; text-align: left; vertical-align: top; }
.sr-sheet th { background: #f2f2f2; }
.sr-sheet .num { text-align: right; white-space: nowrap; }
.sr-sign { margin-top: 40px; text-align: right; line-height: 2.4; }
.sr-toolbar { display: flex; gap: 8px; justify-content: center; padding: 16px; flex-wrap: wrap; }
@media (max-width: 640px) { .sr-sheet { margin: 0; padding: 16px 12px; box-shadow: none; } }
@media print {
  body { background: #fff !important; }
  .sr-toolbar { display: none !important; }
  .sr-sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  .sr-sheet tr { break-inside: avoid; }
}
`;

/** 志愿服务记录证明: approved hours of one volunteer in a period, with the total, ready to print. */
export function ServiceRecordPage() {
  const { t, label, locale } = useI18n();
  const { id } = useParams();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const q = useServiceRecord(id, from, to);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} />;
  const r = q.data;
  const gender = r.teacher.gender ? label(GENDER_LABELS[r.teacher.gender as (typeof GENDERS)[number]]) : '—';
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="sr-toolbar">
        <Button type="primary" size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t(M.print)}
        </Button>
        <Button size="large" onClick={() => window.close()}>
          {t(M.back)}
        </Button>
      </div>
      <div className="sr-sheet">
        <h1>{t(M.recordTitle)}</h1>
        <p style={{ textIndent: locale === 'zh-CN' ? '2em' : 0 }}>
          {t(M.recordIntro, {
            name: r.teacher.name,
            gender,
            bank: `${r.teacher.countyName}${r.teacher.bankNodeName}`,
            from: r.from,
            to: r.to,
            count: r.count,
            total: r.totalHours,
          })}
        </p>
        <table>
          <thead>
            <tr>
              <th className="num">{t(M.recordNo)}</th>
              <th>{t(M.serviceDate)}</th>
              <th>{t(M.place)}</th>
              <th>{t(M.description)}</th>
              <th className="num">{t(M.hoursUnit)}</th>
              <th>{t(M.reviewer)}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.length === 0 && (
              <tr>
                <td colSpan={6} style={{ textAlign: 'center' }}>
                  {t(M.recordEmpty)}
                </td>
              </tr>
            )}
            {r.items.map((i, n) => (
              <tr key={n}>
                <td className="num">{n + 1}</td>
                <td style={{ whiteSpace: 'nowrap' }}>{i.serviceDate}</td>
                <td>{i.nodeName}</td>
                <td>{i.description}</td>
                <td className="num">{i.hours}</td>
                <td>{i.reviewedByName ?? '—'}</td>
              </tr>
            ))}
            <tr>
              <th colSpan={4}>{t(M.recordTotal)}</th>
              <th className="num">{r.totalHours}</th>
              <th />
            </tr>
          </tbody>
        </table>
        <div className="sr-sign">
          <div>{t(M.recordIssuer, { bank: r.teacher.bankNodeName })}</div>
          <div>{t(M.recordDate, { date: formatDate(r.generatedAt) })}</div>
        </div>
      </div>
    </>
  );
}
