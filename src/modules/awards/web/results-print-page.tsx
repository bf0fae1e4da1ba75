import { useParams } from 'react-router';
import { chinaToday, formatDate } from '../../../shared/china-time';
import { PrintIntro, PrintPage, PrintSign, PrintTable } from '../../../web/components/print-page';
import { QueryView } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { AWARD_KIND_LABELS } from '../awards.contract';
import { M } from './awards.messages';
import { useResults } from './awards.queries';

/** 表彰名单: the published winners of a selection, by town and centre, on A4. */
export function ResultsPrintPage() {
  const { t, label } = useI18n();
  const { id = '' } = useParams();
  const q = useResults(id);
  return (
    <QueryView query={q}>
      {({ selection: s, winners }) => (
        <PrintPage>
          <h1>{t(M.honourRoll, { title: s.title })}</h1>
          {s.status !== 'published' ? (
            <p>{t(M.notPublished)}</p>
          ) : (
            <>
              <PrintIntro>{t(M.rollIntro, { year: s.year, kind: label(AWARD_KIND_LABELS[s.kind]) })}</PrintIntro>
              <PrintTable
                columns={[
                  {
                    title: t(M.winner),
                    cell: (w) => (w.members.length ? `${w.nomineeName}（${w.members.join('、')}）` : w.nomineeName),
                  },
                  { title: t(M.town), cell: (w) => w.townName ?? '' },
                  { title: t(M.centre), cell: (w) => w.nodeName, total: winners.length },
                ]}
                items={winners}
                rowKey={(w) => w.nominationId}
                empty={t(M.rollEmpty)}
              />
              <PrintSign lines={[s.ownerName, formatDate(s.publishedAt ?? chinaToday())]} />
            </>
          )}
        </PrintPage>
      )}
    </QueryView>
  );
}
