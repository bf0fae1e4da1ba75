import { Card, Tag, Typography } from 'antd';
import { AGE_BAND_LABELS, GENDER_LABELS, type AgeBand } from '../people.contract';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './people.messages';
import { useCountyTags, useResidentStats } from './people.queries';
import { tagColor } from './resident-tags';

/** Counts of the filtered village (or all): age bands and special groups; a click filters the roster. */
export function ResidentStatsCard({
  nodeId,
  onTag,
  onAgeBand,
}: {
  nodeId?: string;
  onTag?: (code: string) => void;
  onAgeBand?: (band: AgeBand) => void;
}) {
  const { t, label } = useI18n();
  const stats = useResidentStats(nodeId);
  const tags = useCountyTags();
  if (!stats.data) return null;
  const s = stats.data;
  const chip = { cursor: onTag ? 'pointer' : 'default', fontSize: 14, paddingBlock: 2, marginInlineEnd: 0 } as const;
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={t(M.stats)}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {t(M.statsTotal, { n: s.total })}
        </Typography.Text>
        {s.byAgeBand.map((b) => (
          <Tag key={b.band} style={chip} onClick={() => onAgeBand?.(b.band)}>
            {label(AGE_BAND_LABELS[b.band])} · {b.count}
          </Tag>
        ))}
        <Tag style={{ ...chip, cursor: 'default' }}>
          {label(GENDER_LABELS.male)} · {s.byGender.male}
        </Tag>
        <Tag style={{ ...chip, cursor: 'default' }}>
          {label(GENDER_LABELS.female)} · {s.byGender.female}
        </Tag>
        {s.unknownAge > 0 && (
          <Typography.Text type="secondary">{t(M.statsUnknownAge, { n: s.unknownAge })}</Typography.Text>
        )}
      </div>
      {s.byTag.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
          {s.byTag.map((g) => (
            <Tag key={g.code} color={tagColor(tags.data?.tags, g.code)} style={chip} onClick={() => onTag?.(g.code)}>
              {g.label} · {g.count}
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
