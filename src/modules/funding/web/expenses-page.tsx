import { Col, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FundOutlined } from '@ant-design/icons';
import { chinaYear } from '../../../shared/china-time';
import { useAuth } from '../../../web/auth/auth-context';
import { ExportButton } from '../../../web/components/export-button';
import { FilterCard, FilterNode, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { useListPage } from '../../../web/components/list-page';
import { NavButton, NewButton, PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { openColumn, orDash } from '../../../web/components/table-columns';
import { oneOf } from '../../../web/components/use-url-query';
import { useI18n } from '../../../web/i18n/i18n';
import {
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  EXPENSE_STATUSES,
  EXPENSE_STATUS_LABELS,
  fundingApi,
  type Expense,
  type ExpenseCategory,
  type ExpenseStatus,
} from '../funding.contract';
import { EXPENSE_ROLES } from '../funding.policy';
import { yuanText } from '../money';
import { ExpenseDetailDrawer, ExpenseStatusTag } from './expense-detail-drawer';
import { ExpenseFormDrawer } from './expense-form-drawer';
import { M } from './funding.messages';
import { useExpenses } from './funding.queries';

const KEYS = ['q', 'nodeId', 'year', 'category', 'status', 'open'] as const;

/** 经费台账: every expense in reach, filtered in the URL, a drawer per expense, one form; exported with its filters. */
export function ExpensesPage() {
  const { t, label } = useI18n();
  const { hasRole } = useAuth();
  const page = useListPage(KEYS);
  const { url, f } = page;
  const thisYear = chinaYear();
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const category = oneOf(EXPENSE_CATEGORIES, f.category);
  const status = oneOf(EXPENSE_STATUSES, f.status);
  const filters = { q: f.q, nodeId: f.nodeId, year, category, status };
  const list = useExpenses({ ...filters, page: url.page, pageSize: url.pageSize });
  const totals = list.data?.totals;

  const columns: ColumnsType<Expense> = [
    { title: t(M.spentOn), dataIndex: 'spentOn' },
    openColumn<Expense>(t(M.payee), 'payee', page.openRow),
    {
      title: t(M.amount),
      dataIndex: 'amountFen',
      align: 'right',
      render: (v: number) => <strong>{yuanText(v)}</strong>,
    },
    { title: t(M.category), dataIndex: 'category', render: (v: ExpenseCategory) => label(EXPENSE_CATEGORY_LABELS[v]) },
    { title: t(M.node), dataIndex: 'nodeName' },
    { title: t(M.description), dataIndex: 'description', ellipsis: true },
    { title: t(M.activity), dataIndex: 'activityTitle', render: orDash },
    { title: t(M.invoice), dataIndex: 'hasInvoice', render: (v: boolean) => t(v ? M.hasInvoice : M.noInvoice) },
    { title: t(M.status), dataIndex: 'status', render: (v: ExpenseStatus) => <ExpenseStatusTag status={v} /> },
    { title: t(M.recordedBy), dataIndex: 'recordedByName', render: orDash },
  ];
  return (
    <>
      <PageHeader
        title={t(M.expensesTitle)}
        extra={
          <>
            <NavButton to={`/funding?year=${year ?? thisYear}`} icon={<FundOutlined />} text={t(M.title)} />
            <ExportButton endpoint={fundingApi.export} input={{ query: filters }} fileName="funding-ledger.xlsx" />
            {hasRole(EXPENSE_ROLES) && <NewButton onClick={page.create}>{t(M.newExpense)}</NewButton>}
          </>
        }
      />
      <FilterCard
        onReset={url.reset}
        after={
          totals && (
            <Col xs={24}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {t(M.totals, { all: yuanText(totals.amountFen), approved: yuanText(totals.approvedFen) })}
              </Typography.Text>
            </Col>
          )
        }
      >
        <FilterSearch url={url} span={{ xs: 24, sm: 12, lg: 5 }} placeholder={t(M.searchPlaceholder)} />
        <FilterNode
          span={{ xs: 24, sm: 12, lg: 5 }}
          value={f.nodeId}
          onChange={(v) => url.set({ nodeId: v })}
          placeholder={t(M.anyNode)}
          label={t(M.filterNode)}
          selectable={(n) => n.level !== 'unit'}
        />
        <FilterSelect
          span={{ xs: 12, sm: 6, lg: 3 }}
          value={year ? String(year) : undefined}
          placeholder={t(M.anyYear)}
          label={t(M.year)}
          onChange={(v) => url.set({ year: v })}
          options={Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => ({
            value: y,
            label: t(M.yearN, { n: y }),
          }))}
        />
        <FilterSelect
          span={{ xs: 12, sm: 6, lg: 4 }}
          value={category}
          placeholder={t(M.anyCategory)}
          label={t(M.category)}
          onChange={(v) => url.set({ category: v })}
          options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: label(EXPENSE_CATEGORY_LABELS[c]) }))}
        />
        <FilterSelect
          span={{ xs: 12, sm: 6, lg: 3 }}
          value={status}
          placeholder={t(M.anyStatus)}
          label={t(M.status)}
          onChange={(v) => url.set({ status: v })}
          options={EXPENSE_STATUSES.map((s) => ({ value: s, label: label(EXPENSE_STATUS_LABELS[s]) }))}
        />
      </FilterCard>
      <PageTable<Expense> list={list} url={url} total={M.totalExpenses} onOpen={page.openRow} columns={columns} />
      {f.open && <ExpenseDetailDrawer id={f.open} onClose={page.close} />}
      {page.creating && (
        <ExpenseFormDrawer
          mode={{ kind: 'create', nodeId: f.nodeId }}
          onClose={page.cancelCreate}
          onSaved={page.created}
        />
      )}
    </>
  );
}
