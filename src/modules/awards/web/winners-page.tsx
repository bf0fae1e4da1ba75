import { Card, List, Typography } from 'antd';
import { QueryView } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { AWARD_KIND_LABELS } from '../awards.contract';
import { M } from './awards.messages';
import { usePublicWinners } from './awards.queries';

/** The resident's page of honour rolls (the portal links it): the county's published winners, big type. */
export function WinnersPage() {
  const { t, label } = useI18n();
  const q = usePublicWinners();
  return (
    <div style={{ padding: 12, fontSize: 18 }}>
      <Typography.Title level={3}>{t(M.winnersTitle)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(M.winnersIntro)}</Typography.Paragraph>
      <QueryView query={q}>
        {(d) =>
          d.items.length === 0 ? (
            <Typography.Paragraph>{t(M.winnersEmpty)}</Typography.Paragraph>
          ) : (
            d.items.map((s) => (
              <Card
                key={s.selectionId}
                title={`${s.year} ${label(AWARD_KIND_LABELS[s.kind])}`}
                extra={s.ownerName}
                style={{ marginBottom: 12 }}
              >
                <Typography.Paragraph strong>{s.title}</Typography.Paragraph>
                <List
                  dataSource={s.winners}
                  locale={{ emptyText: t(M.rollEmpty) }}
                  renderItem={(w) => (
                    <List.Item style={{ fontSize: 18 }}>
                      {w.nomineeName} · {w.nodeName}
                    </List.Item>
                  )}
                />
              </Card>
            ))
          )
        }
      </QueryView>
    </div>
  );
}
