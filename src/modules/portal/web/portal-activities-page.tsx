import { useState } from 'react';
import { useI18n } from '../../../web/i18n/i18n';
import { THEME_LABELS, type ThemeKey } from '../../../shared/themes';
import { portalApi, type MyActivity } from '../portal.contract';
import { M } from './portal.messages';
import { FIRST, useMyActivities, useMyChange, useMySurveys } from './portal.queries';
import { formatDate, formatTime } from '../../../shared/china-time';
import { Button, Card, Choice, ConfirmButton, Empty, Icon, LoadFailed, Loading, Tag } from './phone-ui';

/** 2026-12-12 周六 09:00–10:30, China time whatever the phone's zone. */
const when = (a: MyActivity, locale: string) => {
  const s = new Date(a.startsAt);
  const day = `${formatDate(s)} ${s.toLocaleDateString(locale, { weekday: 'short', timeZone: 'Asia/Shanghai' })}`;
  return `${day} ${formatTime(s)}–${formatTime(a.endsAt)}`;
};

/** 活动: what I registered for, and what is open near me this week; register or cancel with one button. */
export function PortalActivitiesPage() {
  const { t } = useI18n();
  const [scope, setScope] = useState<'mine' | 'near'>('mine');
  const [size, setSize] = useState<number>(FIRST.activities);
  const q = useMyActivities(scope, size);
  return (
    <>
      <OpenSurveys />
      <Choice
        label={t(M.tabActivities)}
        value={scope}
        onChange={(v) => {
          setScope(v);
          setSize(FIRST.activities);
        }}
        options={[
          { value: 'mine', label: t(M.mine) },
          { value: 'near', label: t(M.near) },
        ]}
      />
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <LoadFailed error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty text={t(scope === 'mine' ? M.noneMine : M.noneNear)} />
      ) : (
        <>
          {q.data.items.map((a) => (
            <ActivityCard key={a.id} a={a} />
          ))}
          {q.data.total > q.data.items.length && (
            <Button busy={q.isPlaceholderData} onClick={() => setSize(size + 20)}>
              {t(M.more)}
            </Button>
          )}
        </>
      )}
    </>
  );
}

function ActivityCard({ a }: { a: MyActivity }) {
  const { t, locale } = useI18n();
  const register = useMyChange(portalApi.register, (r) =>
    t(r.status === 'waitlisted' ? M.doneWaitlisted : M.doneRegistered),
  );
  const cancel = useMyChange(portalApi.cancel, () => t(M.doneCancelled));
  const busy = register.busy || cancel.busy;
  const input = { params: { activityId: a.id } };
  const theme = THEME_LABELS[a.theme as ThemeKey];
  const live = a.myRegistration === 'registered' || a.myRegistration === 'waitlisted';
  const cancelledByCentre = a.status === 'cancelled';
  return (
    <Card title={a.title} testId="portal-activity">
      <div className="tags">
        {theme && <Tag tone="green">{locale === 'zh-CN' ? theme.zh : theme.en}</Tag>}
        {cancelledByCentre ? (
          <Tag tone="red">{t(M.cancelledByCentre)}</Tag>
        ) : a.myRegistration === 'registered' ? (
          <Tag tone="blue">{t(M.registered)}</Tag>
        ) : a.myRegistration === 'waitlisted' ? (
          <Tag tone="orange">{t(M.waitlisted)}</Tag>
        ) : null}
        {a.mySignIn === 'confirmed' && <Tag tone="green">{t(M.signedIn)}</Tag>}
        {a.mySignIn === 'pending' && <Tag tone="orange">{t(M.signPending)}</Tag>}
      </div>
      <p className="line">
        <Icon name="clock" />
        <span>
          {when(a, locale)} · {t(M.hours, { n: a.hours })}
        </span>
      </p>
      <p className="line">
        <Icon name="place" />
        <span>
          {a.place ? `${a.place} · ` : ''}
          {a.centreName}
        </span>
      </p>
      <p className="muted">{a.capacity ? t(M.places, { n: a.registeredCount, cap: a.capacity }) : t(M.noLimit)}</p>
      {cancelledByCentre && a.cancelReason && (
        <p className="bad-text">{t(M.cancelledReason, { reason: a.cancelReason })}</p>
      )}
      {!cancelledByCentre && a.notice && live && <p className="ok-text">{a.notice}</p>}
      {!cancelledByCentre &&
        a.status === 'open' &&
        !a.mySignIn &&
        (live ? (
          <ConfirmButton question={t(M.cancelConfirm)} busy={busy} onConfirm={() => cancel.run(input)}>
            {t(M.cancel)}
          </ConfirmButton>
        ) : (
          <Button kind="primary" busy={busy} onClick={() => register.run(input)}>
            {t(M.register)}
          </Button>
        ))}
    </Card>
  );
}

/** 请您填写问卷: surveys open to me that I have not answered, each a big link to its page. */
function OpenSurveys() {
  const { t } = useI18n();
  const q = useMySurveys();
  const open = q.data?.items ?? [];
  if (open.length === 0) return null;
  return (
    <Card title={t(M.surveysTitle)} testId="portal-surveys">
      {open.map((s) => (
        <div key={s.id} style={{ marginBottom: 12 }}>
          <a className="btn primary" href={`/m/q/${s.id}`}>
            {s.title}
          </a>
          <p className="muted">{t(M.surveyCloses, { who: s.ownerName, date: s.closesOn })}</p>
        </div>
      ))}
    </Card>
  );
}
