import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './plans.messages';
import { useSchedule } from './plans.queries';
import { chinaToday, chinaYear } from '../../../shared/china-time';

/** A4 landscape on paper: only the sheet is printed; months span their rows. */
const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
.pd-sheet { max-width: 273mm; margin: 24px auto; background: #fff; padding: 12mm; box-shadow: 0 1px 6px rgba(0,0,0,.12); color: #111; font-size: 15px; }
.pd-sheet h1 { text-align: center; font-size: 24px; margin: 0 0 16px; letter-spacing: 2px; }
.pd-sheet table { width: 100%; border-collapse: collapse; font-size: 14px; }
.pd-sheet th, .pd-sheet td { border: 1px solid #333; padding: 6px 8px; vertical-align: middle; }
.pd-sheet th { background: #f2f2f2; }
.pd-sheet .m { text-align: center; white-space: nowrap; width: 4em; font-weight: 600; }
.pd-foot { margin-top: 12px; text-align: right; }
.pd-toolbar { display: flex; gap: 8px; justify-content: center; padding: 16px; flex-wrap: wrap; }
@media (max-width: 640px) { .pd-sheet { margin: 0; padding: 12px 8px; box-shadow: none; overflow-x: auto; } }
@media print {
  body { background: #fff !important; }
  .pd-toolbar { display: none !important; }
  .pd-sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  .pd-sheet tr { break-inside: avoid; }
}
`;

/** 配档表, ready to print. */
export function SchedulePrintPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || chinaYear();
  const q = useSchedule(params.get('townId') ?? undefined, year);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} />;
  const s = q.data;
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="pd-toolbar">
        <Button type="primary" size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t(M.printNow)}
        </Button>
        <Button size="large" onClick={() => window.close()}>
          {t(M.back)}
        </Button>
      </div>
      <div className="pd-sheet">
        <h1>{t(M.scheduleTitle, { town: s.town.name, year })}</h1>
        <table>
          <thead>
            <tr>
              <th className="m">{t(M.month)}</th>
              <th>{t(M.workItem)}</th>
              <th>{t(M.responsible)}</th>
              <th>{t(M.note)}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => {
              const rows = s.items.filter((i) => i.month === m);
              if (rows.length === 0)
                return (
                  <tr key={m}>
                    <td className="m">{t(M.monthShort, { m })}</td>
                    <td />
                    <td />
                    <td />
                  </tr>
                );
              return rows.map((r, i) => (
                <tr key={r.id}>
                  {i === 0 && (
                    <td className="m" rowSpan={rows.length}>
                      {t(M.monthShort, { m })}
                    </td>
                  )}
                  <td style={{ whiteSpace: 'pre-wrap' }}>{r.workItem}</td>
                  <td>{[...r.unitNames, ...(r.responsibleText ? [r.responsibleText] : [])].join('、')}</td>
                  <td>{r.note ?? ''}</td>
                </tr>
              ));
            })}
          </tbody>
        </table>
        <div className="pd-foot">{t(M.printedAt, { date: chinaToday() })}</div>
      </div>
    </>
  );
}
