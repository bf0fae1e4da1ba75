import type { ReactNode } from 'react';
import { Button, Card, Col, Row, Select } from 'antd';
import { useI18n } from '../i18n/i18n';
import { M as APP } from '../i18n/messages';

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

/**
 * One filter: a clearable select whose visible label is its placeholder ("any status") and
 * whose accessible name is the field's name.
 */
export function FilterSelect<V extends string>({
  value,
  onChange,
  options,
  placeholder,
  label,
  span,
}: {
  value: V | undefined;
  onChange: (v: V | undefined) => void;
  options: { value: V; label: ReactNode }[];
  placeholder: string;
  label: string;
  span: Span;
}) {
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
      />
    </Col>
  );
}
