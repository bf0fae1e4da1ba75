import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { PrintIntro, PrintPage, PrintSign, PrintTable } from '../../../web/components/print-page';
import { useI18n } from '../../../web/i18n/i18n';
import { GENDER_LABELS, type GENDERS } from '../teachers.contract';
import { M } from './teachers.messages';
import { useServiceRecord } from './teachers.queries';
import { formatDate } from '../../../shared/china-time';

/** 志愿服务记录证明: approved hours of one volunteer in a period, with the total, ready to print. */
export function ServiceRecordPage() {
  const { t, label } = useI18n();
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
    <PrintPage>
      <h1>{t(M.recordTitle)}</h1>
      <PrintIntro>
        {t(M.recordIntro, {
          name: r.teacher.name,
          gender,
          bank: `${r.teacher.countyName}${r.teacher.bankNodeName}`,
          from: r.from,
          to: r.to,
          count: r.count,
          total: r.totalHours,
        })}
      </PrintIntro>
      <PrintTable
        items={r.items}
        rowKey={(_, n) => n}
        empty={t(M.recordEmpty)}
        columns={[
          { title: t(M.serviceDate), nowrap: true, cell: (i) => i.serviceDate },
          { title: t(M.place), cell: (i) => i.nodeName },
          { title: t(M.description), cell: (i) => i.description },
          { title: t(M.hoursUnit), num: true, cell: (i) => i.hours, total: r.totalHours },
          { title: t(M.reviewer), cell: (i) => i.reviewedByName ?? '—' },
        ]}
      />
      <PrintSign
        lines={[
          t(M.recordIssuer, { bank: r.teacher.bankNodeName }),
          t(M.recordDate, { date: formatDate(r.generatedAt) }),
        ]}
      />
    </PrintPage>
  );
}
