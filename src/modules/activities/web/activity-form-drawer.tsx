import { useRef } from 'react';
import type { z } from 'zod';
import { App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaInstant, chinaToday, formatDate, formatTime } from '../../../shared/china-time';
import { useAuth } from '../../../web/auth/auth-context';
import { isApiError } from '../../../web/api/api-error';
import { useSaveMutation } from '../../../web/api/hooks';
import { TextField } from '../../../web/components/field-text';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import {
  ACTIVITY_FORMS,
  ACTIVITY_FORM_LABELS,
  ACTIVITY_LIMITS,
  activitiesApi,
  type ActivityDetail,
  type ActivityForm,
  type ZActivityCreate,
  type ZActivityUpdate,
} from '../activities.contract';
import { M } from './activities.messages';
import { ACTIVITY_KEEPER_ROLES } from '../activities.policy';
import { ACTIVITY_CHANGES, useActivityOptions } from './activities.queries';
import { useThemes } from './activity-tags';

export type ActivityFormMode = { kind: 'create'; centreId?: string } | { kind: 'edit'; activity: ActivityDetail };

/** The contract's input, with the start and end picked as a China date and two clock times. */
type Values = Omit<z.input<typeof ZActivityCreate>, 'startsAt' | 'endsAt' | 'confirmShortNotice'> &
  Pick<z.input<typeof ZActivityUpdate>, 'scope'> & { date: Dayjs; start: Dayjs; end: Dayjs };

/** A clock time (09:00) as the time picker's value. */
const clockValue = (hhmm: string) => dayjs(`2000-01-01 ${hhmm}`);
/** A few venues are buttons (one click), more a list. */
const VENUE_BUTTONS_MAX = 6;

/** The one centre the user keeps activities of, when there is only one answer (a centre manager's own centre). */
function useOnlyCentre(): string | undefined {
  const { me } = useAuth();
  const keeps = (me?.scopes ?? []).filter((s) => ACTIVITY_KEEPER_ROLES.includes(s.role));
  return keeps.length === 1 && keeps[0].role === 'centre_manager' ? keeps[0].nodeId : undefined;
}

const venueLabel = (v: { name: string; seats: number | null }) => (v.seats ? `${v.name}（${v.seats}）` : v.name);

/** Which activities of a weekly series a change applies to: this one, or it and the following. */
export function SeriesScopeField() {
  const { t } = useI18n();
  return (
    <Form.Item name="scope" label={t(M.scope)}>
      <Radio.Group
        options={[
          { value: 'one', label: t(M.scopeOne) },
          { value: 'following', label: t(M.scopeFollowing) },
        ]}
      />
    </Form.Item>
  );
}

/** One form for creating (also a weekly series) and editing an activity with its bookings. */
export function ActivityFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<ActivityFormMode>) {
  const { t, label } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = mode.kind === 'edit' ? mode.activity : null;
  const onlyCentre = useOnlyCentre();
  const startCentre = mode.kind === 'create' ? (mode.centreId ?? onlyCentre) : undefined;
  const centreId = Form.useWatch('centreId', form) ?? editing?.centreId ?? startCentre;
  const opts = useActivityOptions(centreId);
  const o = opts.data;
  // The county's themes are known before the centre is: the theme may be chosen first.
  const countyThemes = useThemes();
  const themeOptions = o
    ? o.themes.map((x) => ({ value: x.key, label: label({ zh: x.nameZh, en: x.nameEn }) }))
    : countyThemes.options;

  // Short notice is a question, not an error: ask, and save again once confirmed.
  const sent = useRef<Values | null>(null);
  const onError = (err: unknown): void => {
    const notice = isApiError(err) ? err.issues.find((i) => i.path === 'confirmShortNotice') : undefined;
    const v = sent.current;
    if (!notice || !v) {
      save.errors.onError(err);
      return;
    }
    modal.confirm({
      title: t(M.shortNoticeTitle),
      content: label({ zh: notice.message, en: notice.messageEn }),
      okText: t(M.shortNoticeOk),
      cancelText: t(APP.cancel),
      onOk: () => send(v, true),
    });
  };
  const save = useSaveMutation(form, activitiesApi, {
    invalidates: ACTIVITY_CHANGES,
    created: (_, r) => t(M.created, { n: r.ids.length }),
    // An edit answers with the ids it changed; the drawer stays on the one edited.
    onSaved: (out) => onSaved('id' in out ? out.id : editing!.id),
    onError,
  });

  const send = (v: Values, confirmShortNotice: boolean) => {
    sent.current = v;
    const date = v.date.format('YYYY-MM-DD');
    const fields = {
      title: v.title.trim(),
      theme: v.theme,
      form: v.form,
      courseId: v.courseId ?? null,
      responsibleUnitId: v.responsibleUnitId ?? null,
      startsAt: chinaInstant(date, v.start.format('HH:mm')),
      endsAt: chinaInstant(date, v.end.format('HH:mm')),
      venueId: v.venueId || null,
      place: v.place?.trim() || null,
      equipmentIds: v.equipmentIds ?? [],
      teacherIds: v.teacherIds ?? [],
      capacity: v.capacity ?? null,
      audience: v.audience?.trim() || null,
      hours: v.hours,
      credits: v.credits ?? 0,
      description: v.description ?? '',
      confirmShortNotice,
    };
    return editing
      ? save.update({ params: { id: editing.id }, body: { ...fields, scope: v.scope ?? 'one' } })
      : save.create({ body: { ...fields, centreId: v.centreId, repeatWeeks: v.repeatWeeks ?? 1 } });
  };

  const initial: Partial<Values> = editing
    ? {
        ...editing,
        date: dayjs(formatDate(editing.startsAt)),
        start: clockValue(formatTime(editing.startsAt)),
        end: clockValue(formatTime(editing.endsAt)),
        scope: 'one',
        equipmentIds: editing.equipment.map((e) => e.id),
        teacherIds: editing.teachers.map((e) => e.id),
        description: editing.description,
      }
    : {
        centreId: startCentre,
        form: 'lecture',
        hours: 1,
        credits: 0,
        repeatWeeks: 1,
        equipmentIds: [],
        teacherIds: [],
        start: clockValue('09:00'),
        end: clockValue('10:30'),
      };

  const pickCourse = (id: string | undefined) => {
    const c = o?.courses.find((x) => x.id === id);
    if (!c) return;
    // The course's hours also set when it ends (from the start chosen).
    const start = form.getFieldValue('start') as Dayjs | undefined;
    form.setFieldsValue({
      theme: c.theme,
      form: c.form as ActivityForm,
      hours: c.hours,
      credits: c.credits,
      ...(start ? { end: start.add(Math.round(c.hours * 60), 'minute') } : {}),
      ...(form.getFieldValue('title') ? {} : { title: c.name }),
    });
  };
  const names = (list: { id: string; name: string }[] | undefined) =>
    (list ?? []).map((x) => ({ value: x.id, label: x.name }));
  const req = [rules.chosen(t)];

  return (
    <FormDrawer
      title={editing ? `${t(M.editTitle)} · ${editing.title}` : t(M.createTitle)}
      width={640}
      busy={save.busy}
      onClose={onClose}
      form={form}
      onFinish={(v) => void send(v, false)}
      initialValues={initial}
      alert={save.alert}
    >
      {editing ? (
        <Form.Item label={t(M.centre)}>
          <Input value={editing.centreName} disabled />
        </Form.Item>
      ) : (
        <Form.Item name="centreId" label={t(M.centre)} rules={req}>
          <NodeTreeSelect selectable={(n) => n.level === 'centre' || n.level === 'town'} aria-label={t(M.centre)} />
        </Form.Item>
      )}
      <Form.Item name="courseId" label={t(M.course)} extra={t(M.courseHelp)}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!o}
          placeholder={o ? undefined : t(M.chooseCentreFirst)}
          options={names(o?.courses)}
          onChange={pickCourse}
        />
      </Form.Item>
      <TextField name="title" label={t(M.titleField)} max={ACTIVITY_LIMITS.title} required />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="theme" label={t(M.theme)} rules={req}>
            <Select options={themeOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="form" label={t(M.form)} rules={req}>
            <Select options={ACTIVITY_FORMS.map((x) => ({ value: x, label: label(ACTIVITY_FORM_LABELS[x]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="date" label={t(M.date)} rules={req}>
            <DatePicker
              style={{ width: '100%' }}
              allowClear={false}
              disabledDate={(d) => !editing && d.isBefore(chinaToday(), 'day')}
            />
          </Form.Item>
        </Col>
        {(['start', 'end'] as const).map((name) => (
          <Col key={name} xs={12} sm={7}>
            <Form.Item name={name} label={t(name === 'start' ? M.startTime : M.endTime)} rules={req}>
              <TimePicker
                format="HH:mm"
                minuteStep={5}
                needConfirm={false}
                allowClear={false}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {!editing && (
        <Form.Item name="repeatWeeks" label={t(M.repeat)} extra={t(M.repeatHelp)}>
          <InputNumber
            min={1}
            max={ACTIVITY_LIMITS.repeatMax}
            precision={0}
            style={{ width: 160 }}
            suffix={t(M.weeks, { n: '' }).trim()}
          />
        </Form.Item>
      )}
      {editing?.seriesId && <SeriesScopeField />}
      <Form.Item name="venueId" label={t(M.venue)} extra={t(M.venueHelp)}>
        {o && o.venues.length > 0 && o.venues.length <= VENUE_BUTTONS_MAX ? (
          <Radio.Group
            optionType="button"
            options={[
              ...o.venues.map((v) => ({ value: v.id, label: venueLabel(v) })),
              { value: '', label: t(M.noVenue) },
            ]}
          />
        ) : (
          <Select
            allowClear
            disabled={!o}
            placeholder={o ? undefined : t(M.chooseCentreFirst)}
            options={(o?.venues ?? []).map((v) => ({ value: v.id, label: venueLabel(v) }))}
          />
        )}
      </Form.Item>
      <TextField name="place" label={t(M.place)} extra={t(M.placeHelp)} max={ACTIVITY_LIMITS.place} />
      <Form.Item name="equipmentIds" label={t(M.equipment)}>
        <Select mode="multiple" allowClear disabled={!o} options={names(o?.equipment)} />
      </Form.Item>
      <Form.Item name="teacherIds" label={t(M.teachers)} extra={t(M.teachersHelp)}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!o}
          options={names(o?.teachers)}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="capacity" label={t(M.capacity)}>
            <InputNumber min={1} max={ACTIVITY_LIMITS.capacityMax} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="hours" label={t(M.hours)} rules={req}>
            <InputNumber min={0.5} max={ACTIVITY_LIMITS.hoursMax} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="credits" label={t(M.credits)}>
            <InputNumber min={0} max={ACTIVITY_LIMITS.creditsMax} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <div style={{ marginTop: -12, marginBottom: 16, color: '#5b6b63' }}>{t(M.capacityHelp)}</div>
      <TextField name="audience" label={t(M.audience)} max={ACTIVITY_LIMITS.audience} />
      <Form.Item name="responsibleUnitId" label={t(M.unit)}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} disabled={!o} options={names(o?.units)} />
      </Form.Item>
      <TextField name="description" label={t(M.description)} max={ACTIVITY_LIMITS.description} rows={3} />
    </FormDrawer>
  );
}
