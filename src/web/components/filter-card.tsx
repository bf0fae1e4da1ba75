import type { ReactNode } from 'react';
import { Button, Card, Col, Row, Select, type SelectProps } from 'antd';
import type { TreeNode } from '../../modules/organisations/org.contract';
import { useI18n } from '../i18n/i18n';
import { M as APP } from '../i18n/messages';
import { NodeTreeSelect } from '../org-tree/node-tree-select';
import { ListSearch } from './list-search';
import type { UrlQuery } from './use-url-query';

type Span = { xs?: number; sm?: number; md?: number; lg?: number };

/** The filters above a list: one row of fields (each in its own `<Col>`) and a reset button at the end. */
export function FilterCard({
  children,
  onReset,
  resetSpan = { xs: 24, sm: 8, lg: 3 },
  after,
}: {
  children: ReactNode;
  onReset?: () => void;
  resetSpan?: Span;
  /** Shown after the reset button, on the same row (a summary of the list). */
  after?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card styles={{ body: { paddingBottom: 8 } }} style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]} align="middle">
        {children}
        {onReset && (
          <Col {...resetSpan}>
            <Button block onClick={onReset}>
              {t(APP.reset)}
            </Button>
          </Col>
        )}
        {after}
      </Row>
    </Card>
  );
}

/** The list's search box, bound to the `q` in the URL, in its own column of the filter row. */
export function FilterSearch({ url, span, placeholder }: { url: UrlQuery<'q'>; span: Span; placeholder: string }) {
  return (
    <Col {...span}>
      <ListSearch value={url.values.q} onChange={(q) => url.set({ q })} placeholder={placeholder} />
    </Col>
  );
}

/**
 * One filter: a clearable select whose visible label is its placeholder ("any status") and
 * whose accessible name is the field's name. Other select props (`showSearch`…) pass through.
 */
export function FilterSelect<V extends string>({
  value,
  onChange,
  options,
  placeholder,
  label,
  span,
  ...select
}: {
  value: V | undefined;
  onChange: (v: V | undefined) => void;
  options: { value: V; label: ReactNode }[];
  placeholder: string;
  label: string;
  span: Span;
} & Omit<SelectProps<V>, 'value' | 'onChange' | 'options' | 'placeholder' | 'mode'>) {
  return (
    <Col {...span}>
      <Select<V>
        allowClear
        style={{ width: '100%' }}
        value={value}
        placeholder={placeholder}
        aria-label={label}
        onChange={(v) => onChange(v ?? undefined)}
        options={options}
        popupMatchSelectWidth={false}
        {...select}
      />
    </Col>
  );
}

/** One filter: a node of the tree (clearable), its placeholder visible ("all nodes"), its name for screen readers. */
export function FilterNode({
  value,
  onChange,
  placeholder,
  label,
  span,
  selectable,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  placeholder: string;
  label: string;
  span: Span;
  /** Nodes that may be chosen (the others stay visible, greyed out). */
  selectable?: (node: TreeNode) => boolean;
}) {
  return (
    <Col {...span}>
      <NodeTreeSelect
        value={value}
        onChange={onChange}
        allowClear
        placeholder={placeholder}
        aria-label={label}
        selectable={selectable}
      />
    </Col>
  );
}
