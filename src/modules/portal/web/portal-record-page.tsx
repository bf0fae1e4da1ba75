import { useState } from 'react';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './portal.messages';
import { FIRST, useMyRecord, useMySignIns } from './portal.queries';
import { formatDate } from '../../../shared/china-time';
import { Button, Card, Empty, LoadFailed, Loading, Stat, Tag } from './phone-ui';

/** 学习记录: totals from my learning record, and each sign-in (including those waiting for staff). */
export function PortalRecordPage() {
  const { t } = useI18n();
  const [size, setSize] = useState<number>(FIRST.signIns);
  const record = useMyRecord();
  const list = useMySignIns(size);
  if (list.isPending) return <Loading />;
  if (list.error) return <LoadFailed error={list.error} onRetry={() => void list.refetch()} />;
  const totals = list.data.totals;
  return (
    <>
      <Card title={t(M.recordTitle)}>
        <div className="stats">
          <Stat label={t(M.totalActivities)} value={totals.activities} />
          <Stat label={t(M.totalHours)} value={totals.hours} />
          <Stat label={t(M.totalCredits)} value={record.data?.totalCredits ?? '—'} />
        </div>
      </Card>
      {list.data.items.length === 0 ? (
        <Empty text={t(M.noSignIns)} />
      ) : (
        <Card title={t(M.signIns)}>
          <ul className="rows">
            {list.data.items.map((s) => (
              <li key={s.id} className="row" data-testid="portal-sign-in">
                <div className="row-main">
                  <div className="row-title">{s.title}</div>
                  <div className="muted">
                    {formatDate(s.startsAt)} · {s.centreName} · {t(M.hours, { n: s.hours })}
                  </div>
                </div>
                {s.status === 'pending' && <Tag tone="orange">{t(M.statusPending)}</Tag>}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {list.data.total > list.data.items.length && (
        <Button busy={list.isPlaceholderData} onClick={() => setSize(size + 20)}>
          {t(M.more)}
        </Button>
      )}
    </>
  );
}
