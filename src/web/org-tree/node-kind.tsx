import {
  BankOutlined,
  BookOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { NODE_LEVEL_LABELS, UNIT_KIND_LABELS, type NodeLevel, type UnitKind } from '../../shared/roles';
import type { Label } from '../i18n/i18n';

type Kind = { level: NodeLevel; unitKind: UnitKind | null };

/** What a node is, in words: a unit says its kind (学校, 牵头部门…), others their level. */
export function kindLabel(n: Kind): Label {
  return n.level === 'unit' && n.unitKind ? UNIT_KIND_LABELS[n.unitKind] : NODE_LEVEL_LABELS[n.level];
}

const UNIT_ICONS: Record<UnitKind, ReactNode> = {
  lead_dept: <TeamOutlined />,
  school: <BookOutlined />,
  enterprise: <ShopOutlined />,
  hospital: <MedicineBoxOutlined />,
  other: <ToolOutlined />,
};

/** A small icon per level, so a long tree can be read at a glance. */
export function kindIcon(n: Kind): ReactNode {
  switch (n.level) {
    case 'county':
      return <BankOutlined />;
    case 'town':
      return <EnvironmentOutlined />;
    case 'centre':
      return <HomeOutlined />;
    case 'unit':
      return UNIT_ICONS[n.unitKind ?? 'other'];
  }
}
