import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { PrintPage } from '../../../web/components/print-page';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './plans.messages';
import { useSchedule } from './plans.queries';
import { chinaToday, chinaYear } from '../../../shared/china-time';

/** The schedule's own rules on the one print layout: no line spacing, months centred and spanning their rows. */
const SCHEDULE_CSS = `
.print-sheet { line-height: normal; }
.print-sheet h1 { font-size: 24px; letter-spacing: 2px; }
.print-sheet table { margin: 0; }
.print-sheet th, .print-sheet td { vertical-align: middle; }
.print-sheet th { text-align: center; }
.print-sheet .m { text-align: center; white-space: nowrap; width: 4em; font-weight: 600; }
.pd-foot { margin-top: 12px; text-align: right; }
@media (max-width: 640px) { .print-sheet table { font-size: 14px; } .print-sheet th, .print-sheet td { padding: 6px 8px; } }
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
    <PrintPage landscape css={SCHEDULE_CSS}>
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
    </PrintPage>
  );
}
