import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import type { Locale } from '../../../shared/locale';
import { errorText, isApiError } from '../../../web/api/api-error';
import { useApiMutation } from '../../../web/api/hooks';
import { toNamePath } from '../../../web/components/form-errors';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { THEME_LIMITS, themesApi, type ThemeInput, type ThemeList } from '../themes.contract';
import { M } from './themes.messages';

type Row = ThemeInput & { rowKey: string };

/** A refusal in words: the first field issue when there is one, else the error. */
/** A theme's two names, Chinese first: the row's field and its label. */
const NAME_FIELDS = [
  ['nameZh', M.themeNameZh],
  ['nameEn', M.themeNameEn],
] as const;

const refusalText = (err: unknown, locale: Locale): string =>
  isApiError(err) && err.issues[0]
    ? locale === 'zh-CN'
      ? err.issues[0].message
      : err.issues[0].messageEn
    : errorText(err, locale);

/** The list as read by those who may not edit it. */
export function ThemesView({ list }: { list: ThemeList }) {
  const { t, isZh } = useI18n();
  return (
    <Card title={list.countyName}>
      <Typography.Paragraph type="secondary">{t(M.readOnlyThemes)}</Typography.Paragraph>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {list.themes.map((x, i) => (
          <div key={x.key} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {i + 1}. {isZh ? x.nameZh : x.nameEn}
            </Typography.Text>{' '}
            {!x.active && <Tag>{t(M.themeInactive)}</Tag>}
            <div style={{ color: '#50635a' }}>
              {t(M.leadUnits)}：{x.leadUnits.length ? x.leadUnits.map((u) => u.name).join('、') : t(M.none)}
            </div>
          </div>
        ))}
      </Space>
    </Card>
  );
}

/** The county admins' editor: order, names, active, lead departments; saved as a whole. */
export function ThemesEditor({ list }: { list: ThemeList }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const tree = useOrgTree();
  const toRows = (l: ThemeList): Row[] =>
    l.themes.map((x) => ({
      rowKey: x.key,
      key: x.key,
      nameZh: x.nameZh,
      nameEn: x.nameEn,
      active: x.active,
      leadUnitIds: x.leadUnitIds,
    }));
  const [rows, setRows] = useState<Row[]>(() => toRows(list));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Course lists show the theme names too: read them again after a save.
  const { run, busy } = useApiMutation(themesApi.update, {
    invalidates: ['themes', 'courses'],
    onSuccess: () => void message.success(t(APP.saved)),
    onError: (err) => {
      const byRow: Record<string, string> = {};
      if (isApiError(err))
        for (const i of err.issues) {
          const p = toNamePath(i.path);
          if (typeof p[1] === 'number') byRow[rows[p[1]]?.rowKey ?? ''] = locale === 'zh-CN' ? i.message : i.messageEn;
        }
      setIssues(byRow);
      setFailure(refusalText(err, locale));
    },
  });
  useEffect(() => setRows(toRows(list)), [list]);
  const units = (tree.data?.nodes ?? []).filter((n) => n.level === 'unit');
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));

  const patch = (i: number, p: Partial<Row>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const move = (i: number, d: number) =>
    setRows((r) => {
      const next = [...r];
      [next[i], next[i + d]] = [next[i + d], next[i]];
      return next;
    });
  const save = () => {
    setIssues({});
    setFailure(null);
    void run({
      params: { countyId: list.countyId },
      body: {
        themes: rows.map(({ rowKey: _k, ...x }) => ({
          ...x,
          nameZh: x.nameZh.trim(),
          nameEn: x.nameEn.trim() || x.nameZh.trim(),
        })),
      },
    });
  };

  return (
    <Card
      title={list.countyName}
      extra={
        <Button type="primary" loading={busy} onClick={save}>
          {t(M.saveThemes)}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t(M.themesIntro)}</Typography.Paragraph>
      {list.isDefault && <Alert type="info" showIcon title={t(M.themesDefault)} style={{ marginBottom: 12 }} />}
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure}
          style={{ marginBottom: 12 }}
          closable={{ onClose: () => setFailure(null) }}
        />
      )}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {rows.map((x, i) => (
          <Card
            key={x.rowKey}
            size="small"
            style={{ background: x.active ? undefined : '#fafafa' }}
            title={
              <span style={{ fontSize: 16 }}>
                {i + 1}. {x.nameZh || t(M.newThemeLabel)}
              </span>
            }
            extra={
              <Space size={4}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t(M.moveUp)}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t(M.moveDown)}
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                />
                <Switch
                  aria-label={t(M.themeActive)}
                  checked={x.active}
                  onChange={(v) => patch(i, { active: v })}
                  checkedChildren={t(M.themeActive)}
                  unCheckedChildren={t(M.themeInactive)}
                />
              </Space>
            }
          >
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Space.Compact block>
                {NAME_FIELDS.map(([key, msg]) => (
                  <Input
                    key={key}
                    aria-label={t(msg)}
                    placeholder={t(msg)}
                    maxLength={THEME_LIMITS[key]}
                    value={x[key]}
                    onChange={(e) => patch(i, { [key]: e.target.value })}
                  />
                ))}
              </Space.Compact>
              <Select
                mode="multiple"
                allowClear
                aria-label={t(M.leadUnits)}
                placeholder={`${t(M.leadUnits)}（${t(M.leadUnitsHelp)}）`}
                style={{ width: '100%' }}
                value={x.leadUnitIds}
                onChange={(v) => patch(i, { leadUnitIds: v.slice(0, THEME_LIMITS.leadUnits) })}
                options={unitOptions}
                showSearch={{ optionFilterProp: 'label' }}
              />
              {issues[x.rowKey] && <Typography.Text type="danger">{issues[x.rowKey]}</Typography.Text>}
            </Space>
          </Card>
        ))}
      </Space>
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        disabled={rows.length >= THEME_LIMITS.themes}
        onClick={() =>
          setRows((r) => [
            ...r,
            {
              rowKey: `new-${r.length}-${Date.now()}`,
              key: null,
              nameZh: '',
              nameEn: '',
              active: true,
              leadUnitIds: [],
            },
          ])
        }
      >
        {t(M.addTheme)}
      </Button>
    </Card>
  );
}
