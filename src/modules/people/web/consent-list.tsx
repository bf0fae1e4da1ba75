import { useState } from 'react';
import { App, Button, Form, List, Popconfirm, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { chinaToday, formatDateTime } from '../../../shared/china-time';
import {
  CONSENT_METHOD_LABELS,
  DEFAULT_CONSENT_PURPOSE,
  ageOn,
  CHILD_AGE,
  peopleApi,
  type ConsentInput,
  type ResidentDetail,
} from '../people.contract';
import { useApiMutation, useFormMutation } from '../../../web/api/hooks';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { ConsentFields } from './consent-fields';
import { M } from './people.messages';

/** The consents on record: when, by whom, what for; a further one can be recorded, one withdrawn. */
export function ConsentList({ resident: r }: { resident: ResidentDetail }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const { run: withdraw } = useApiMutation(peopleApi.withdrawConsent, {
    onSuccess: () => void message.success(t(APP.saved)),
  });
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <Typography.Title level={5} style={{ fontSize: 18, margin: 0 }}>
          {t(M.consents)}
        </Typography.Title>
        {r.permissions.update && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t(M.addConsent)}
          </Button>
        )}
      </div>
      <List
        bordered
        size="small"
        dataSource={r.consents}
        locale={{ emptyText: t(M.noConsents) }}
        renderItem={(c) => (
          <List.Item
            actions={
              r.permissions.update && !c.withdrawnAt
                ? [
                    <Popconfirm
                      key="w"
                      title={t(M.withdrawConfirm)}
                      okText={t(APP.confirm)}
                      cancelText={t(APP.cancel)}
                      onConfirm={() => withdraw({ params: { id: r.id, consentId: c.id } })}
                    >
                      <Button type="link" size="small" danger>
                        {t(M.withdraw)}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <div>
              <div style={{ fontSize: 15 }}>
                {c.purpose}{' '}
                {c.withdrawnAt && <Tag color="red">{t(M.withdrawn, { at: formatDateTime(c.withdrawnAt) })}</Tag>}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t(M.consentLine, {
                  by:
                    c.givenBy === 'guardian'
                      ? `${t(M.byGuardian)} ${c.guardianName ?? ''}${c.guardianRelation ? `（${c.guardianRelation}）` : ''}`
                      : t(M.bySelf),
                  method: label(CONSENT_METHOD_LABELS[c.method]),
                  who: c.recordedByName ?? '—',
                  at: formatDateTime(c.recordedAt),
                })}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {adding && <AddConsentModal resident={r} onClose={() => setAdding(false)} />}
    </div>
  );
}

function AddConsentModal({ resident: r, onClose }: { resident: ResidentDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsentInput>();
  const add = useFormMutation(form, peopleApi.addConsent, {
    onSuccess: () => {
      void message.success(t(M.consentAdded));
      onClose();
    },
  });
  const child = !!r.birthDate && ageOn(r.birthDate, chinaToday()) < CHILD_AGE;
  const submit = (v: ConsentInput) => add.submit({ params: { id: r.id }, body: { ...v, given: !!v.given } });
  return (
    <FormModal
      title={t(M.addConsent)}
      onClose={onClose}
      {...add.formProps(submit)}
      initialValues={{
        purpose: DEFAULT_CONSENT_PURPOSE,
        method: 'paper',
        givenBy: child ? 'guardian' : 'self',
        given: false,
      }}
    >
      <ConsentFields base={[]} child={child} form={form} />
    </FormModal>
  );
}
