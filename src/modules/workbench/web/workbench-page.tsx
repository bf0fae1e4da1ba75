import { Alert, Col, Row, Select, Typography } from 'antd';
import { chinaWeekday } from '../../../shared/china-time';
import { ErrorState } from '../../../web/components/error-state';
import { PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { ActionsCard, ActivitiesCard, IndicatorsCard, MissedCentresCard, WaitingCard } from './workbench-cards';
import { M, WEEKDAYS } from './workbench.messages';
import { useWorkbench } from './workbench.queries';

const KEYS = ['nodeId'] as const;

/**
 * 工作台, the first screen after login: what waits for me, this month's indicators of my node, the
 * centres behind on their activities, today's and the week's activities, and quick actions. A
 * leader sees the numbers only. Several nodes: one at a time (`nodeId` in the URL).
 */
export function WorkbenchPage() {
  const { t } = useI18n();
  const url = useUrlQuery(KEYS);
  const q = useWorkbench(url.values.nodeId);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const wb = q.data;
  const weekday = t(WEEKDAYS[chinaWeekday(wb.today) - 1]);
  return (
    <>
      <PageHeader
        title={`${t(M.title)} · ${wb.node.name}`}
        extra={
          wb.nodes.length > 1 && (
            <Select
              size="large"
              style={{ minWidth: 220 }}
              aria-label={t(M.node)}
              value={wb.node.id}
              onChange={(v) => url.set({ nodeId: v })}
              options={[
                ...wb.nodes.map((n) => ({ value: n.id, label: n.name })),
                ...(wb.nodes.some((n) => n.id === wb.node.id) ? [] : [{ value: wb.node.id, label: wb.node.name }]),
              ]}
            />
          )
        }
      >
        <Typography.Paragraph style={{ fontSize: 17, margin: '8px 0 0' }}>
          {t(M.todayIs, { date: wb.today, weekday })}
        </Typography.Paragraph>
      </PageHeader>
      {wb.numbersOnly && (
        <Alert type="info" showIcon title={t(M.numbersOnly)} style={{ marginBottom: 16, fontSize: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        {wb.waiting && (
          <Col xs={24} lg={wb.actions.length ? 14 : 24}>
            <WaitingCard items={wb.waiting} />
          </Col>
        )}
        {wb.actions.length > 0 && (
          <Col xs={24} lg={wb.waiting ? 10 : 24}>
            <ActionsCard wb={wb} />
          </Col>
        )}
        <Col xs={24}>
          <MissedCentresCard wb={wb} />
        </Col>
        <Col xs={24}>
          <IndicatorsCard wb={wb} />
        </Col>
        <Col xs={24}>
          <ActivitiesCard wb={wb} />
        </Col>
      </Row>
    </>
  );
}
