import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Card, Empty, Grid, Input, Tree, Typography } from 'antd';
import type { TreeNode } from '../org.contract';
import { useI18n } from '../../../web/i18n/i18n';
import { kindIcon, kindLabel } from '../../../web/org-tree/node-kind';
import { ancestorsOf, type TreeIndex } from '../../../web/org-tree/tree-index';
import { M } from './org.messages';

type Item = { key: string; title: ReactNode; children?: Item[] };

/** The searchable tree. Search keeps matches and their ancestors, opened. */
export function OrgTreePanel({
  index,
  selectedId,
  onSelect,
}: {
  index: TreeIndex;
  selectedId?: string;
  onSelect: (id: string) => void;
}) {
  const { t, label } = useI18n();
  const screens = Grid.useBreakpoint();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string[]>(() => index.roots.map((r) => r.id));
  const q = query.trim().toLowerCase();

  // Open the way down to the chosen node (after a link, a create or a move).
  useEffect(() => {
    if (!selectedId || !index.byId.has(selectedId)) return;
    const path = ancestorsOf(index, selectedId).map((a) => a.id);
    setExpanded((cur) => (path.every((p) => cur.includes(p)) ? cur : [...new Set([...cur, ...path])]));
  }, [selectedId, index]);

  const { items, matchCount, searchExpanded } = useMemo(() => {
    const keep = new Set<string>();
    let matches = 0;
    if (q) {
      for (const n of index.nodes) {
        if (n.name.toLowerCase().includes(q)) {
          matches++;
          keep.add(n.id);
          for (const a of ancestorsOf(index, n.id)) keep.add(a.id);
        }
      }
    }
    const title = (n: TreeNode): ReactNode => {
      const i = q ? n.name.toLowerCase().indexOf(q) : -1;
      const name =
        i < 0 ? (
          n.name
        ) : (
          <>
            {n.name.slice(0, i)}
            <span className="cedu-tree-match">{n.name.slice(i, i + q.length)}</span>
            {n.name.slice(i + q.length)}
          </>
        );
      return (
        <span style={{ display: 'inline-flex', gap: 6, alignItems: 'baseline' }} title={label(kindLabel(n))}>
          <span style={{ color: '#0b6e4f' }} aria-hidden>
            {kindIcon(n)}
          </span>
          <span className="cedu-wrap">{name}</span>
        </span>
      );
    };
    const build = (n: TreeNode): Item | null => {
      if (q && !keep.has(n.id)) return null;
      const kids = (index.children.get(n.id) ?? []).map(build).filter((x): x is Item => x !== null);
      return { key: n.id, title: title(n), ...(kids.length ? { children: kids } : {}) };
    };
    return {
      items: index.roots.map(build).filter((x): x is Item => x !== null),
      matchCount: matches,
      searchExpanded: [...keep],
    };
  }, [index, q, label]);

  return (
    <Card styles={{ body: { padding: 12 } }}>
      <Input.Search
        allowClear
        placeholder={t(M.searchPlaceholder)}
        aria-label={t(M.searchPlaceholder)}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 14 }}>
        {t(M.nodeCount, { n: index.nodes.length })}
      </Typography.Text>
      <div
        style={{
          maxHeight: screens.md === false ? '45vh' : 'calc(100vh - 250px)',
          minHeight: 120,
          overflow: 'auto',
          marginTop: 8,
        }}
      >
        {q && matchCount === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(M.noMatch, { q: query.trim() })} />
        ) : (
          <Tree
            blockNode
            treeData={items}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={q ? searchExpanded : expanded}
            onExpand={(keys) => {
              if (!q) setExpanded(keys.map(String));
            }}
            onSelect={(keys, info) => onSelect(String(keys[0] ?? info.node.key))}
          />
        )}
      </div>
    </Card>
  );
}
