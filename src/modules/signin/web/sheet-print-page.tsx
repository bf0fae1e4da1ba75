import { useEffect, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useApi } from '../../../web/api/hooks';
import { activitiesApi } from '../../activities/activities.contract';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { PrintPage } from '../../../web/components/print-page';
import { formatDateTime } from '../../../shared/china-time';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './signin.messages';
import { placeText, useSheet } from './signin.queries';

/** The sheet's own rules on the one print layout: no line spacing, the QR code beside the details, tall rows to sign in. */
const SHEET_CSS = `
.print-sheet { line-height: normal; }
.print-sheet h1 { margin-bottom: 8px; }
.si-head { display: flex; gap: 16px; justify-content: space-between; align-items: flex-start; }
.si-head .qr { width: 40mm; text-align: center; font-size: 11px; flex: none; }
.print-sheet table { margin: 12px 0 0; }
.print-sheet th, .print-sheet td { height: 9mm; vertical-align: middle; }
.print-sign { margin-top: 24px; line-height: normal; }
@media (max-width: 640px) { .si-head { flex-direction: column; } .print-sheet table { font-size: 14px; } .print-sheet th, .print-sheet td { padding: 6px 8px; } }
`;

/** Blank rows when the activity has no limit of places, and at least this many when it is full. */
const BLANK_ROWS = 8;
const BLANK_ROWS_FULL = 3;

/** Enough blank rows for the places still free (each for a late entry, 现场补登). */
export const blankRows = (capacity: number | null, registered: number) =>
  capacity === null ? BLANK_ROWS : Math.max(capacity - registered, BLANK_ROWS_FULL);

/** 签到表: registrants to tick, blank rows for walk-ins, and a QR code valid only during the activity. */
export function SheetPrintPage() {
  const { t } = useI18n();
  const { activityId = '' } = useParams();
  const [search] = useSearchParams();
  const q = useSheet(activityId);
  // The places (and where it is held) come with the activity itself.
  const detail = useApi(activitiesApi.one, { params: { id: activityId } });
  const ready = !!q.data && !!detail.data;
  // Opened with ?print=1 (the activity panel's 打印签到表): the print dialog opens by itself, once.
  const printed = useRef(false);
  useEffect(() => {
    if (!ready || printed.current || search.get('print') !== '1') return;
    printed.current = true;
    const timer = window.setTimeout(() => window.print(), 300);
    return () => window.clearTimeout(timer);
  }, [ready, search]);
  if (q.isPending || detail.isPending) return <PageLoading />;
  if (q.error || detail.error)
    return <ErrorState error={q.error ?? detail.error} onRetry={() => void (q.refetch(), detail.refetch())} />;
  const { activity, registrants, svg, validFrom, validUntil } = q.data;
  const registered = registrants.filter((r) => r.status !== 'waitlisted').length;
  const rows = [
    ...registrants.map((r) => ({
      name: r.name,
      phone: r.phone ?? '',
      note: r.status === 'waitlisted' ? t(M.sheetWaitlisted) : '',
      tick: r.signedIn ? '✓' : '',
    })),
    ...Array.from({ length: blankRows(detail.data.capacity, registered) }, () => ({
      name: '',
      phone: '',
      note: t(M.sheetBlank),
      tick: '',
    })),
  ];
  return (
    <PrintPage margin="14mm 12mm" width={186} fontSize={14} css={SHEET_CSS} onBack={false}>
      <h1>{t(M.sheetTitle)}</h1>
      <div className="si-head">
        <div>
          <div>
            <b>{t(M.activity)}：</b>
            {activity.title}
          </div>
          <div>
            <b>{t(M.time)}：</b>
            {formatDateTime(activity.startsAt)} – {formatDateTime(activity.endsAt).slice(-5)}
          </div>
          <div>
            <b>{t(M.place)}：</b>
            <span data-testid="sheet-place">{placeText(activity)}</span>
          </div>
          <div>
            <b>{t(M.registered)}：</b>
            {registrants.length}
          </div>
        </div>
        <div className="qr">
          <div dangerouslySetInnerHTML={{ __html: svg.replace('<svg ', '<svg width="100%" height="100%" ') }} />
          {t(M.sheetQr, {
            from: formatDateTime(validFrom),
            to: formatDateTime(validUntil).slice(-5),
          })}
        </div>
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '10%' }}>{t(M.sheetNo)}</th>
            <th>{t(M.name)}</th>
            <th>{t(M.phone)}</th>
            <th style={{ width: '20%' }}>{t(M.sheetSign)}</th>
            <th style={{ width: '18%' }}>{t(M.sheetNote)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{r.name}</td>
              <td>{r.phone}</td>
              <td>{r.tick}</td>
              <td>{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="print-sign">{t(M.signer)}</div>
    </PrintPage>
  );
}
