import { useMemo, useState } from 'react';
import { Button, Card, Select, Space, Tag, Typography } from 'antd';
import type { ColumnMapping, ImportJob } from '../imports.contract';
import { ROSTER_FIELDS, type RosterField } from '../roster-columns';
import { useI18n } from '../../../web/i18n/i18n';
import { FIELD_LABELS, M } from './imports.messages';
import { WholeTable } from '../../../web/components/page-table';

type Row = { key: string; header: string; field: RosterField | null; sheets: string[] };

const IGNORE = '__ignore__';

/**
 * 列的对应: each column of the file (once per header, over all sheets) with the field it went
 * to; the user changes one or ignores a column, then checks the file again with that choice.
 */
export function ImportMapping({
  job,
  busy,
  onApply,
}: {
  job: ImportJob;
  busy: boolean;
  onApply: (mapping: ColumnMapping) => void;
}) {
  const { t } = useI18n();
  const rows = useMemo(() => {
    const byKey = new Map<string, Row>();
    for (const s of job.sheets) {
      for (const c of s.columns) {
        const row = byKey.get(c.key);
        if (row) row.sheets.push(s.name);
        else byKey.set(c.key, { key: c.key, header: c.header, field: c.field, sheets: [s.name] });
      }
    }
    return [...byKey.values()];
  }, [job.sheets]);
  const [chosen, setChosen] = useState<ColumnMapping>({});
  const fieldOf = (r: Row) => (r.key in chosen ? chosen[r.key] : r.field);
  const changed = rows.some((r) => r.key in chosen && chosen[r.key] !== r.field);
  const source = job.sheets[0]?.source ?? 'auto';
  const sourceLabel = { auto: t(M.sourceAuto), remembered: t(M.sourceRemembered), chosen: t(M.sourceChosen) }[source];
  const options = [
    { value: IGNORE, label: t(M.mappingIgnore) },
    ...ROSTER_FIELDS.map((f) => ({ value: f, label: t(FIELD_LABELS[f]) })),
  ];
  const many = job.sheets.length > 1;

  const apply = () => {
    const mapping: ColumnMapping = {};
    for (const r of rows) mapping[r.key] = fieldOf(r);
    onApply(mapping);
  };

  return (
    <Card
      size="small"
      data-testid="import-mapping"
      title={
        <Space wrap>
          {t(M.mappingTitle)}
          <Tag color={source === 'auto' ? 'blue' : 'green'}>{sourceLabel}</Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {job.sheets
            .map(
              (s) =>
                `${many ? `${s.name}：` : ''}${t(M.headerAt, { row: s.headerRow })}，${t(M.sheetRows, { n: s.rows })}`,
            )
            .join('；')}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t(M.mappingHelp)}
      </Typography.Paragraph>
      <WholeTable<Row>
        size="small"
        rowKey="key"
        rows={rows}
        columns={[
          {
            title: t(M.mappingFileColumn),
            render: (_, r) => (
              <>
                <Typography.Text strong>{r.header}</Typography.Text>
                {many && r.sheets.length < job.sheets.length && (
                  <Typography.Text type="secondary"> （{r.sheets.join('、')}）</Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t(M.mappingField),
            width: 220,
            render: (_, r) => (
              <Select
                aria-label={`${t(M.mappingField)}：${r.header}`}
                value={fieldOf(r) ?? IGNORE}
                style={{ width: 200 }}
                virtual={false}
                listHeight={480}
                options={options}
                onChange={(v: string) =>
                  setChosen((m) => ({ ...m, [r.key]: v === IGNORE ? null : (v as RosterField) }))
                }
              />
            ),
          },
        ]}
      />
      <Button
        style={{ marginTop: 12 }}
        type={changed ? 'primary' : 'default'}
        disabled={!changed}
        loading={busy}
        onClick={apply}
      >
        {t(M.mappingApply)}
      </Button>
    </Card>
  );
}
