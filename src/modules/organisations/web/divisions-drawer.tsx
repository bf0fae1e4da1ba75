import { useMemo, useState } from 'react';
import { Alert, Col, Empty, Row, Select, Switch, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useApi, useApiMutation } from '../../../web/api/hooks';
import { FormDrawer } from '../../../web/components/form-drawer';
import { PageLoading } from '../../../web/components/page-loading';
import { ErrorState } from '../../../web/components/error-state';
import { useI18n } from '../../../web/i18n/i18n';
import { shortDivisionName } from '../../../shared/division-code';
import { orgApi, type DivisionTree, type NodeDetail } from '../org.contract';
import { M } from './org.messages';
import { ORG_CHANGES } from './org.queries';

type Props = { node: Pick<NodeDetail, 'id' | 'name' | 'level' | 'divisionCode'>; onClose: () => void };

/**
 * 从区划代码表添加: a county not set up yet first chooses itself (province → city → county); then
 * the towns and villages of the official list, all ticked, those already in the tree ticked and
 * fixed. 保存 creates what is ticked, in one request.
 */
export function DivisionsDrawer({ node, onClose }: Props) {
  const { t } = useI18n();
  const setup = node.level === 'county' && !node.divisionCode;
  const [county, setCounty] = useState<string | undefined>();
  const tree = useApi(
    orgApi.divisionTree,
    { params: { id: node.id }, query: setup ? { code: county } : {} },
    { enabled: !setup || !!county },
  );
  const [short, setShort] = useState(true);
  const [checked, setChecked] = useState<string[] | null>(null);
  const { run, busy } = useApiMutation(orgApi.adoptDivisions, {
    invalidates: ORG_CHANGES,
    success: (r) => t(M.divisionsAdded, { towns: r.towns, centres: r.centres }),
    onSuccess: onClose,
  });

  const data = tree.data;
  const made = useMemo(() => new Set(data ? madeCodes(data) : []), [data]);
  const ticked = checked ?? (data ? allCodes(data) : []);
  const name = (n: string) => (short ? shortDivisionName(n) : n);
  const plan = data ? planOf(data, new Set(ticked), made, name) : null;

  const save = () => {
    if (!data || !plan || plan.children.length === 0) return;
    void run({
      params: { id: node.id },
      body: setup ? { code: data.top.code, name: data.top.name, children: plan.children } : { children: plan.children },
    });
  };

  return (
    <FormDrawer
      title={t(setup ? M.setupTitle : M.divisionsTitle, { name: node.name })}
      width={720}
      busy={busy}
      onClose={onClose}
      onSave={save}
    >
      {setup && <CountyChooser value={county} onChange={(c) => (setCounty(c), setChecked(null))} />}
      {setup && !county ? null : tree.isPending ? (
        <PageLoading />
      ) : tree.error ? (
        <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
      ) : (
        data &&
        plan && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t(M.divisionsPlan, { towns: plan.towns, centres: plan.centres })}
              description={t(M.divisionsEdition, { edition: data.edition, asOf: data.asOf })}
            />
            <label style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
              <Switch checked={short} onChange={setShort} />
              <span>{t(M.divisionsShort)}</span>
            </label>
            {data.children.length === 0 ? (
              <Empty description={t(M.divisionsNone)} />
            ) : (
              <Tree
                checkable
                selectable={false}
                height={440}
                defaultExpandAll={data.top.level === 'town'}
                checkedKeys={ticked}
                onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(String))}
                treeData={treeData(data, made, name, t(M.divisionsThere))}
              />
            )}
          </>
        )
      )}
    </FormDrawer>
  );
}

/** Province → city → county, from the list. */
function CountyChooser({ value, onChange }: { value?: string; onChange: (code: string | undefined) => void }) {
  const { t } = useI18n();
  const [province, setProvince] = useState<string>();
  const [city, setCity] = useState<string>();
  const provinces = useApi(orgApi.divisions, { query: {} });
  const cities = useApi(orgApi.divisions, { query: { under: province } }, { enabled: !!province });
  const counties = useApi(orgApi.divisions, { query: { under: city } }, { enabled: !!city });
  const options = (q: typeof provinces) => q.data?.divisions.map((d) => ({ value: d.code, label: d.name })) ?? [];
  const pick = { showSearch: { optionFilterProp: 'label' }, style: { width: '100%' }, size: 'large' } as const;
  return (
    <>
      <Typography.Paragraph>{t(M.setupIntro)}</Typography.Paragraph>
      <Row gutter={8} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Select
            {...pick}
            aria-label={t(M.province)}
            placeholder={t(M.province)}
            value={province}
            loading={provinces.isPending}
            options={options(provinces)}
            onChange={(v) => (setProvince(v), setCity(undefined), onChange(undefined))}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Select
            {...pick}
            aria-label={t(M.city)}
            placeholder={t(M.city)}
            value={city}
            disabled={!province}
            options={options(cities)}
            onChange={(v) => (setCity(v), onChange(undefined))}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Select
            {...pick}
            aria-label={t(M.county)}
            placeholder={t(M.county)}
            value={value}
            disabled={!city}
            options={options(counties)}
            onChange={onChange}
          />
        </Col>
      </Row>
    </>
  );
}

const madeCodes = (d: DivisionTree) =>
  d.children
    .flatMap((t) => [t, ...t.children])
    .filter((x) => x.nodeId !== null)
    .map((x) => x.code);
const allCodes = (d: DivisionTree) => d.children.flatMap((t) => [t.code, ...t.children.map((v) => v.code)]);

function treeData(d: DivisionTree, made: Set<string>, name: (n: string) => string, there: string): DataNode[] {
  const title = (x: { code: string; name: string; nodeName: string | null }) => (
    <span>
      {x.nodeName ?? name(x.name)}
      {made.has(x.code) && <Typography.Text type="secondary"> · {there}</Typography.Text>}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
        {x.code}
      </Typography.Text>
    </span>
  );
  const leaf = (v: DivisionTree['children'][number]['children'][number]) => ({
    key: v.code,
    title: title(v),
    disableCheckbox: made.has(v.code),
  });
  // Under a town, its villages are the top of the tree.
  if (d.top.level === 'town') return d.children.map(leaf);
  return d.children.map((town) => ({
    ...leaf(town),
    children: town.children.map(leaf),
  }));
}

/** What 保存 sends: the towns with something new ticked (new towns even with no village). */
function planOf(d: DivisionTree, ticked: Set<string>, made: Set<string>, name: (n: string) => string) {
  const fresh = (x: { code: string }) => ticked.has(x.code) && !made.has(x.code);
  const pair = (x: { code: string; name: string }) => ({ code: x.code, name: name(x.name) });
  if (d.top.level === 'town') {
    const villages = d.children.filter(fresh).map(pair);
    return { children: villages.map((v) => ({ ...v, children: [] })), towns: 0, centres: villages.length };
  }
  const children = d.children
    .map((t) => ({ ...pair(t), children: t.children.filter(fresh).map(pair), isNew: !made.has(t.code) }))
    .filter((t) => (t.isNew ? ticked.has(t.code) || t.children.length > 0 : t.children.length > 0));
  return {
    children: children.map(({ isNew: _, ...t }) => t),
    towns: children.filter((t) => t.isNew).length,
    centres: children.reduce((n, t) => n + t.children.length, 0),
  };
}
