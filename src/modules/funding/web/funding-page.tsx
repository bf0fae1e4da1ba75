import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { chinaYear, formatDateTime } from '../../../shared/china-time';
import { useFormMutation } from '../../../web/api/hooks';
import { FormModal } from '../../../web/components/form-modal';
import { NavButton, PageHeader } from '../../../web/components/page-header';
import { QueryView } from '../../../web/components/query-view';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import {
  BUDGET_SOURCE_LABELS,
  EXPENSE_CATEGORY_LABELS,
  fundingApi,
  type CentreFunding,
  type Standard,
  type TownFunding,
  type TownSummary,
} from '../funding.contract';
import { yuanText } from '../money';
import { AllocationsFormDrawer } from './allocations-form-drawer';
import { BudgetFormDrawer } from './budget-form-drawer';
import { M } from './funding.messages';
import { useStandards, useTownFunding, useTowns } from './funding.queries';
import { useYuan } from './yuan-field';

const KEYS = ['year', 'townId'] as const;
const SHORT = '#a8071a';

/** 经费管理: the towns of the reader's reach for a year, then one town's budget, standard, allocations and spending. */
export function FundingPage() {
  const { t } = useI18n();
  const url = useUrlQuery(KEYS);
  const thisYear = chinaYear();
  const year = Number(url.values.year) || thisYear;
  const towns = useTowns(year);
  const list = towns.data?.towns ?? [];
  const townId = url.values.townId ?? (list.length === 1 ? list[0].townId : undefined);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  return (
    <>
      <PageHeader
        title={t(M.title)}
        help={t(M.help)}
        extra={
          <>
            <Select
              aria-label={t(M.year)}
              value={year}
              style={{ width: 120 }}
              onChange={(y) => url.set({ year: y })}
              options={years.map((y) => ({ value: y, label: t(M.yearN, { n: y }) }))}
            />
            <NavButton
              to={`/funding/expenses?year=${year}${townId ? `&nodeId=${townId}` : ''}`}
              icon={<FileTextOutlined />}
              text={t(M.ledgerLink)}
            />
          </>
        }
      />
      <StandardCard />
      <QueryView query={towns}>
        {(d) =>
          d.towns.length === 0 ? (
            <Alert type="info" showIcon title={t(M.noTowns)} />
          ) : (
            <>
              <TownsTable towns={d.towns} selected={townId} onOpen={(id) => url.set({ townId: id })} />
              {townId && <TownSection townId={townId} year={year} />}
            </>
          )
        }
      </QueryView>
    </>
  );
}

/** The county's standard per resident; county admins change it (1 or 2 yuan). */
function StandardCard() {
  const { t } = useI18n();
  const standards = useStandards();
  const [editing, setEditing] = useState<Standard | null>(null);
  if (!standards.data?.length) return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      {standards.data.map((s) => (
        <Space key={s.countyId} wrap>
          <strong>
            {t(M.standard)} · {s.countyName}：
          </strong>
          <span style={{ fontSize: 16 }}>{t(M.standardText, { v: yuanText(s.perResidentFen) })}</span>
          {s.isDefault && <Typography.Text type="secondary">{t(M.standardDefault)}</Typography.Text>}
          {s.canEdit && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)}>
              {t(M.setStandard)}
            </Button>
          )}
        </Space>
      ))}
      {editing && <StandardModal standard={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function StandardModal({ standard, onClose }: { standard: Standard; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ perResidentFen: 100 | 200 }>();
  const save = useFormMutation(form, fundingApi.setStandard, { onSuccess: onClose });
  return (
    <FormModal
      title={t(M.standardTitle, { county: standard.countyName })}
      onClose={onClose}
      {...save.formProps(
        (v: { perResidentFen: 100 | 200 }) => void save.submit({ params: { countyId: standard.countyId }, body: v }),
      )}
      initialValues={{ perResidentFen: standard.perResidentFen as 100 | 200 }}
    >
      <Form.Item name="perResidentFen" label={t(M.standard)}>
        <Radio.Group
          options={[
            { value: 100, label: t(M.standardOne) },
            { value: 200, label: t(M.standardTwo) },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}

/** One line per town: population, standard, budget, shortfall (flagged), allocated, spent. */
function TownsTable({
  towns,
  selected,
  onOpen,
}: {
  towns: TownSummary[];
  selected: string | undefined;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const yuan = useYuan();
  return (
    <Card title={t(M.towns)} styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
      <Table<TownSummary>
        rowKey="townId"
        dataSource={towns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({
          onClick: () => onOpen(r.townId),
          style: { cursor: 'pointer', background: r.townId === selected ? '#e6f4ff' : undefined },
        })}
        columns={[
          {
            title: t(M.town),
            dataIndex: 'townName',
            render: (v: string, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(r.townId)}>
                {v}
              </Button>
            ),
          },
          { title: t(M.population), dataIndex: 'population', render: (v: number | null) => v ?? t(M.noPopulation) },
          { title: t(M.standardAmount), dataIndex: 'standardFen', align: 'right', render: yuan },
          { title: t(M.budget), dataIndex: 'budgetFen', align: 'right', render: yuan },
          {
            title: t(M.shortfall),
            dataIndex: 'shortfallFen',
            align: 'right',
            render: (v: number | null) => <ShortfallTag fen={v} />,
          },
          { title: t(M.allocated), dataIndex: 'allocatedFen', align: 'right', render: yuan },
          { title: t(M.spent), dataIndex: 'spentFen', align: 'right', render: yuan },
          { title: t(M.pending), dataIndex: 'pendingFen', align: 'right', render: yuan },
        ]}
      />
    </Card>
  );
}

/** A table's last row: its name, then each cell right-aligned (null: an empty cell). */
function TotalRow({ name, cells }: { name: ReactNode; cells: ReactNode[] }) {
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0}>{name}</Table.Summary.Cell>
      {cells.map((c, i) => (
        <Table.Summary.Cell key={i} index={i + 1} align="right">
          {c}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}

function ShortfallTag({ fen }: { fen: number | null }) {
  const { t } = useI18n();
  if (fen === null) return <>—</>;
  return fen > 0 ? (
    <Tag color="red" style={{ fontSize: 14 }}>
      {t(M.belowStandard)} {t(M.yuan, { v: yuanText(fen) })}
    </Tag>
  ) : (
    <Tag color="green">{t(M.meetsStandard)}</Tag>
  );
}

function TownSection({ townId, year }: { townId: string; year: number }) {
  const q = useTownFunding(townId, year);
  return <QueryView query={q}>{(f) => <TownFundingView f={f} />}</QueryView>;
}

/** One town's year: the standard and the shortfall, the budget lines, the centres, spending by category. */
function TownFundingView({ f }: { f: TownFunding }) {
  const { t, label } = useI18n();
  const yuan = useYuan();
  const [editing, setEditing] = useState<'budget' | 'allocations' | null>(null);
  useEffect(() => setEditing(null), [f.townId, f.year]);
  const share = (fen: number) => (f.budgetFen > 0 ? `${((fen * 100) / f.budgetFen).toFixed(1)}%` : '—');
  const remaining = (c: CentreFunding) => c.allocatedFen - c.spentFen;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        {f.townName} · {t(M.yearN, { n: f.year })}
      </Typography.Title>
      {f.standardFen === null ? (
        <Alert type="warning" showIcon title={t(M.noPopulationAlert, { year: f.year })} />
      ) : f.shortfallFen! > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="funding-shortfall"
          title={
            <strong style={{ fontSize: 16 }}>
              {t(M.shortfallAlert, {
                budget: yuanText(f.budgetFen),
                standard: yuanText(f.standardFen),
                per: yuanText(f.perResidentFen),
                population: f.population ?? 0,
                gap: yuanText(f.shortfallFen!),
              })}
            </strong>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t(M.meetsAlert, { standard: yuanText(f.standardFen) })} />
      )}
      <Row gutter={[16, 16]}>
        {(
          [
            [M.budget, f.budgetFen],
            [M.standardAmount, f.standardFen],
            [M.shortfall, f.shortfallFen],
            [M.allocated, f.allocatedFen],
            [M.spent, f.spentFen],
            [M.pending, f.pendingFen],
          ] as const
        ).map(([m, v]) => (
          <Col key={m[0]} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic
                title={t(m)}
                value={v === null ? '—' : yuanText(v)}
                suffix={v === null ? undefined : '元'}
                styles={{ content: { color: m === M.shortfall && (v ?? 0) > 0 ? SHORT : undefined } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t(M.budgetLines)}
        extra={
          f.canKeep && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing('budget')}>
              {t(M.editBudget)}
            </Button>
          )
        }
      >
        {f.budget ? (
          <>
            <Table
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={false}
              dataSource={f.budget.lines}
              columns={[
                {
                  title: t(M.source),
                  dataIndex: 'source',
                  render: (s: keyof typeof BUDGET_SOURCE_LABELS) => label(BUDGET_SOURCE_LABELS[s]),
                },
                { title: t(M.amount), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuanText(v) },
                { title: t(M.note), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
              ]}
              summary={() => (
                <TotalRow
                  name={<strong>{t(M.total)}</strong>}
                  cells={[<strong key="t">{yuanText(f.budgetFen)}</strong>, null]}
                />
              )}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {f.budget.note ? `${f.budget.note} · ` : ''}
              {t(M.updatedBy, { by: f.budget.updatedByName ?? '—', at: formatDateTime(f.budget.updatedAt) })}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Text type="secondary">{t(M.noBudget)}</Typography.Text>
        )}
      </Card>
      <Card
        title={t(M.allocations)}
        extra={
          f.canKeep &&
          f.centres.length > 0 && (
            <Button icon={<EditOutlined />} onClick={() => setEditing('allocations')}>
              {t(M.editAllocations)}
            </Button>
          )
        }
        styles={{ body: { padding: 0 } }}
      >
        <Table<CentreFunding>
          rowKey="centreId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={f.centres}
          columns={[
            {
              title: t(M.centre),
              dataIndex: 'centreName',
              render: (v: string, c) => <Link to={`/funding/expenses?year=${f.year}&nodeId=${c.centreId}`}>{v}</Link>,
            },
            { title: t(M.population), dataIndex: 'population', render: (v: number | null) => v ?? '—' },
            { title: t(M.allocated), dataIndex: 'allocatedFen', align: 'right', render: yuan },
            { title: t(M.spent), dataIndex: 'spentFen', align: 'right', render: yuan },
            { title: t(M.pending), dataIndex: 'pendingFen', align: 'right', render: yuan },
            {
              title: t(M.remaining),
              key: 'remaining',
              align: 'right',
              render: (_: unknown, c) => (
                <span style={{ color: remaining(c) < 0 ? SHORT : undefined }}>{yuan(remaining(c))}</span>
              ),
            },
            {
              title: t(M.perResidentSpent),
              key: 'per',
              align: 'right',
              render: (_: unknown, c) => (c.population ? yuan(Math.round(c.spentFen / c.population)) : '—'),
            },
          ]}
          summary={() => (
            <TotalRow
              name={t(M.townOffice)}
              cells={[
                null,
                yuan(f.budgetFen - f.allocatedFen),
                yuan(f.townOwn.spentFen),
                yuan(f.townOwn.pendingFen),
                null,
                null,
              ]}
            />
          )}
        />
      </Card>
      <Card title={t(M.byCategory)} styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="category"
          size="small"
          pagination={false}
          dataSource={f.byCategory}
          columns={[
            {
              title: t(M.category),
              dataIndex: 'category',
              render: (c: keyof typeof EXPENSE_CATEGORY_LABELS) => label(EXPENSE_CATEGORY_LABELS[c]),
            },
            { title: t(M.spent), dataIndex: 'spentFen', align: 'right', render: yuan },
            { title: t(M.pending), dataIndex: 'pendingFen', align: 'right', render: yuan },
            { title: t(M.share), dataIndex: 'spentFen', key: 'share', align: 'right', render: share },
          ]}
          summary={() => (
            <TotalRow
              name={<strong>{t(M.total)}</strong>}
              cells={[<strong key="s">{yuan(f.spentFen)}</strong>, yuan(f.pendingFen), share(f.spentFen)]}
            />
          )}
        />
      </Card>
      {f.perResident && (
        <Card title={t(M.perResident)} size="small">
          <Descriptions
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 'b', label: t(M.perResidentBudget), children: yuan(f.perResident.budgetFen) },
              { key: 's', label: t(M.perResidentStandard), children: yuan(f.perResident.standardFen) },
              { key: 'x', label: t(M.perResidentSpent), children: yuan(f.perResident.spentFen) },
            ]}
          />
        </Card>
      )}
      {editing === 'budget' && <BudgetFormDrawer funding={f} onClose={() => setEditing(null)} />}
      {editing === 'allocations' && <AllocationsFormDrawer funding={f} onClose={() => setEditing(null)} />}
    </Space>
  );
}
