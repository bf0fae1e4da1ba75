import { useParams } from 'react-router';
import { chinaToday, formatDate } from '../../../shared/china-time';
import { PrintPage } from '../../../web/components/print-page';
import { QueryView } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { AWARD_KIND_LABELS } from '../awards.contract';
import { M } from './awards.messages';
import { useNomination } from './awards.queries';

/** The certificate's own rules on the one print layout: a framed landscape sheet, the name large. */
const CERT_CSS = `
.print-sheet { text-align: center; }
.cert { border: 3mm double #b8860b; padding: 16mm 18mm; min-height: 150mm; display: flex; flex-direction: column; justify-content: space-between; }
.cert h1 { font-size: 40px; letter-spacing: 16px; color: #a0101a; margin: 0 0 10mm; }
.cert .name { font-size: 34px; font-weight: bold; margin: 6mm 0; }
.cert .text { font-size: 20px; line-height: 2; text-align: left; text-indent: 2em; }
.cert .award { font-size: 24px; font-weight: bold; margin: 4mm 0; }
.cert .sign { text-align: right; font-size: 18px; line-height: 2.2; margin-top: 10mm; }
`;

/** 荣誉证书: one A4 landscape certificate per winner (a published nomination). */
export function CertificatePrintPage() {
  const { t, label } = useI18n();
  const { id = '' } = useParams();
  const q = useNomination(id);
  return (
    <QueryView query={q}>
      {(n) => (
        <PrintPage landscape css={CERT_CSS}>
          {n.status !== 'published' ? (
            <p>{t(M.notPublished)}</p>
          ) : (
            <div className="cert">
              <div>
                <h1>{t(M.certificate)}</h1>
                <div className="name">{n.nomineeName}</div>
                {n.members.length > 0 && <div>{n.members.map((m) => m.name).join('、')}</div>}
                <p className="text">{t(M.certificateText, { year: n.year, kind: label(AWARD_KIND_LABELS[n.kind]) })}</p>
                <div className="award">{n.selectionTitle}</div>
              </div>
              <div className="sign">
                <div>{n.ownerName}</div>
                <div>{formatDate(n.publishedAt ?? chinaToday())}</div>
              </div>
            </div>
          )}
        </PrintPage>
      )}
    </QueryView>
  );
}
