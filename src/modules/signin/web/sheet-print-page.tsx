import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { formatDateTime } from '../../../shared/china-time';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './signin.messages';
import { useSheet } from './signin.queries';

/** A4 on paper: the toolbar is not printed; rows do not split across pages. */
const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
.si-sheet { max-width: 186mm; margin: 24px auto; background: #fff; padding: 14mm 12mm; box-shadow: 0 1px 6px rgba(0,0,0,.12); color: #111; font-size: 14px; }
.si-sheet h1 { text-align: center; font-size: 26px; letter-spacing: 4px; margin: 0 0 8px; }
.si-head { display: flex; gap: 16px; justify-content: space-between; align-items: flex-start; }
.si-head .qr { width: 40mm; text-align: center; font-size: 11px; flex: none; }
.si-sheet table { width: 100%; border-collapse: collapse; margin-top: 12px; }
.si-sheet th, .si-sheet td { border: 1px solid #333; padding: 6px 8px; height: 9mm; text-align: left; }
.si-sheet th { background: #f2f2f2; }
.si-sign { margin-top: 24px; text-align: right; }
.si-toolbar { display: flex; gap: 8px; justify-content: center; padding: 16px; }
@media (max-width: 640px) { .si-sheet { margin: 0; padding: 12px 8px; box-shadow: none; } .si-head { flex-direction: column; } }
@media print { body { background: #fff !important; } .si-toolbar { display: none !important; } .si-sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; } .si-sheet tr { break-inside: avoid; } }
`;

const BLANK_ROWS = 8;

/** 签到表: registrants to tick, blank rows for walk-ins, and a QR code valid only during the activity. */
export function SheetPrintPage() {
  const { t } = useI18n();
  const { activityId = '' } = useParams();
  const q = useSheet(activityId);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const { activity, registrants, svg, validFrom, validUntil } = q.data;
  const rows = [
    ...registrants.map((r) => ({
      name: r.name,
      phone: r.phone ?? '',
      note: r.status === 'waitlisted' ? t(M.sheetWaitlisted) : '',
      tick: r.signedIn ? '✓' : '',
    })),
    ...Array.from({ length: BLANK_ROWS }, (_, i) => ({
      name: '',
      phone: '',
      note: i === 0 ? t(M.sheetBlank) : '',
      tick: '',
    })),
  ];
  return (
    <div style={{ background: '#f0f2f1', minHeight: '100vh' }}>
      <style>{PRINT_CSS}</style>
      <div className="si-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t(M.print)}
        </Button>
      </div>
      <div className="si-sheet">
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
              {activity.place ?? ''} {activity.centreName}
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
        <div className="si-sign">{t(M.signer)}</div>
      </div>
    </div>
  );
}
