import { Col, InputNumber, Tabs } from 'antd';
import { useAuth } from '../../../web/auth/auth-context';
import { FilterCard } from '../../../web/components/filter-card';
import { PageHeader } from '../../../web/components/page-header';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { LIMITS } from '../../../shared/limits';
import { PlanTab } from './plan-tab';
import { ScheduleTab } from './schedule-tab';
import { VersusTab } from './versus-tab';
import { M } from './plans.messages';
import { chinaYear } from '../../../shared/china-time';

const KEYS = ['tab', 'year', 'centreId', 'townId', 'nodeId'] as const;
const thisYear = () => chinaYear();

/** 计划与配档: a centre's annual plan, the town's 配档表 and plan versus actual, one tab each. */
export function PlansPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const tree = useOrgTree();
  const url = useUrlQuery(KEYS);
  const f = url.values;
  const year = Number(f.year) >= LIMITS.yearMin && Number(f.year) <= LIMITS.yearMax ? Number(f.year) : thisYear();
  const tab = f.tab === 'schedule' || f.tab === 'versus' ? f.tab : 'plan';
  // A sensible first choice: the only centre (or town) the user works in.
  const only = (level: string) => {
    const nodes = tree.data?.nodes.filter((n) => n.level === level) ?? [];
    return nodes.length === 1 ? nodes[0].id : undefined;
  };
  const homeTown = me?.scopes.map((s) => s.path.split('/')[2]).find(Boolean);
  const centreId = f.centreId ?? only('centre');
  const townId = f.townId ?? only('town') ?? homeTown;

  return (
    <>
      <PageHeader title={t(M.title)} />
      <FilterCard>
        <Col xs={10} sm={6} lg={3}>
          <InputNumber
            aria-label={t(M.year)}
            min={LIMITS.yearMin}
            max={LIMITS.yearMax}
            precision={0}
            value={year}
            onChange={(v) => url.set({ year: v })}
            style={{ width: '100%' }}
            suffix={t(M.year)}
          />
        </Col>
        <Col xs={24} sm={18} lg={8}>
          {tab === 'plan' && (
            <NodeTreeSelect
              value={centreId}
              onChange={(v) => url.set({ centreId: v })}
              placeholder={t(M.chooseCentre)}
              aria-label={t(M.centre)}
              selectable={(n) => n.level === 'centre'}
            />
          )}
          {tab === 'schedule' && (
            <NodeTreeSelect
              value={tree.data?.byId.has(townId ?? '') ? townId : undefined}
              onChange={(v) => url.set({ townId: v })}
              placeholder={t(M.chooseTown)}
              aria-label={t(M.town)}
              selectable={(n) => n.level === 'town'}
            />
          )}
          {tab === 'versus' && (
            <NodeTreeSelect
              value={f.nodeId}
              onChange={(v) => url.set({ nodeId: v })}
              allowClear
              placeholder={t(M.anyNode)}
              aria-label={t(M.town)}
              selectable={(n) => n.level !== 'unit'}
            />
          )}
        </Col>
      </FilterCard>
      <Tabs
        size="large"
        activeKey={tab}
        onChange={(k) => url.set({ tab: k === 'plan' ? null : k })}
        items={[
          {
            key: 'plan',
            label: t(M.tabPlan),
            children: (
              <PlanTab centreId={centreId} year={year} onTown={(id) => url.set({ tab: 'schedule', townId: id })} />
            ),
          },
          { key: 'schedule', label: t(M.tabSchedule), children: <ScheduleTab townId={townId} year={year} /> },
          { key: 'versus', label: t(M.tabVersus), children: <VersusTab year={year} nodeId={f.nodeId} url={url} /> },
        ]}
      />
    </>
  );
}
