import { useI18n } from '../../../web/i18n/i18n';
import { AWARD_KIND_LABELS } from '../../awards/awards.contract';
import { M } from './portal.messages';
import { useWinners } from './portal.queries';
import { Card, Empty, LoadFailed, Loading } from './phone-ui';

/** 表彰名单: the county's published honour rolls (学习型家庭, 百姓学习之星…), big type, reached from 我的. */
export function PortalAwardsPage() {
  const { t, label } = useI18n();
  const q = useWinners();
  if (q.isPending) return <Loading />;
  if (q.error) return <LoadFailed error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <p className="muted">{t(M.winnersIntro)}</p>
      {q.data.items.length === 0 ? (
        <Empty text={t(M.winnersEmpty)} />
      ) : (
        q.data.items.map((s) => (
          <Card key={s.selectionId} title={`${s.year} ${label(AWARD_KIND_LABELS[s.kind])}`} testId="portal-award">
            <p className="muted">
              {s.title} · {s.ownerName}
            </p>
            {s.winners.length === 0 ? (
              <p>{t(M.rollEmpty)}</p>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.8 }}>
                {s.winners.map((w, i) => (
                  <li key={i}>
                    <strong>{w.nomineeName}</strong> · {w.nodeName}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))
      )}
    </>
  );
}
