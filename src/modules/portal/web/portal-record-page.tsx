import { useState } from 'react';
import { Button, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './portal.messages';
import { useMyRecord, useMySignIns } from './portal.queries';
import { formatDate } from '../../../shared/china-time';

/** 学习记录: totals from my learning record, and each sign-in (including those waiting for staff). */
export function PortalRecordPage() {
  const { t } = useI18n();
  const [size, setSize] = useState(20);
  const record = useMyRecord();
  const list = useMySignIns(size);
  if (list.isPending) return <PageLoading />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const totals = list.data.totals;
  return (
    <>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t(M.recordTitle)}
        </Typography.Title>
        <Row gutter={8}>
          <Col span={8}>
            <Statistic title={t(M.totalActivities)} value={totals.activities} />
          </Col>
          <Col span={8}>
            <Statistic title={t(M.totalHours)} value={totals.hours} />
          </Col>
          <Col span={8}>
            <Statistic title={t(M.totalCredits)} value={record.data?.totalCredits ?? '—'} />
          </Col>
        </Row>
      </Card>
      {list.data.items.length === 0 ? (
        <Empty description={t(M.noSignIns)} />
      ) : (
        <Card size="small" styles={{ body: { padding: '0 12px' } }}>
          <List
            dataSource={list.data.items}
            renderItem={(s) => (
              <List.Item data-testid="portal-sign-in">
                <List.Item.Meta
                  title={s.title}
                  description={`${formatDate(s.startsAt)} · ${s.centreName} · ${t(M.hours, { n: s.hours })}`}
                />
                {s.status === 'pending' && <Tag color="orange">{t(M.statusPending)}</Tag>}
              </List.Item>
            )}
          />
        </Card>
      )}
      {list.data.total > list.data.items.length && (
        <Button block onClick={() => setSize(size + 20)}>
          {t(M.more)}
        </Button>
      )}
    </>
  );
}
