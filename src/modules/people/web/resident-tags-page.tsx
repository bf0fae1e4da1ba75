import { useState } from 'react';
import { Alert, App, Card, Checkbox, Form, Input, InputNumber, Tag } from 'antd';
import type { z } from 'zod';
import { PEOPLE_LIMITS, peopleApi, type TagDef, type TagDefList, type ZTagDefCreate } from '../people.contract';
import { useApiMutation, useSaveMutation } from '../../../web/api/hooks';
import { NewButton, PageHeader } from '../../../web/components/page-header';
import { QueryView } from '../../../web/components/query-view';
import { rules } from '../../../web/components/rules';
import { FormModal } from '../../../web/components/form-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { EditDeleteLinks } from '../../../web/components/list-row-actions';
import { M as APP } from '../../../web/i18n/messages';
import { M } from './people.messages';
import { useCountyTags, useMyCountyId } from './people.queries';
import { tagColor } from './resident-tags';
import { WholeTable } from '../../../web/components/page-table';

/** 特殊群体标签: the county's list; county admins add, rename, reorder and delete unused tags. */
export function ResidentTagsPage() {
  const q = useCountyTags();
  return <QueryView query={q}>{(list) => <TagList list={list} />}</QueryView>;
}

function TagList({ list: { tags, canManage } }: { list: TagDefList }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const countyId = useMyCountyId();
  const { run: removeTag } = useApiMutation(peopleApi.removeTag, {
    onSuccess: () => void message.success(t(APP.deleted)),
  });
  const [editing, setEditing] = useState<TagDef | 'new' | null>(null);
  const remove = (d: TagDef) => removeTag({ params: { countyId: countyId ?? '', code: d.code } });
  return (
    <>
      <PageHeader
        title={t(M.tagSettings)}
        extra={canManage && <NewButton onClick={() => setEditing('new')}>{t(M.newTag)}</NewButton>}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(M.tagsHelp)}
        description={canManage ? t(M.tagSensitiveHelp) : t(M.tagsReadOnly)}
      />
      <Card styles={{ body: { padding: 0 } }}>
        <WholeTable<TagDef>
          rowKey="code"
          rows={tags}
          columns={[
            {
              title: t(M.tagLabel),
              dataIndex: 'label',
              render: (v: string, d) => (
                <Tag color={tagColor(tags, d.code)} style={{ fontSize: 14 }}>
                  {v}
                </Tag>
              ),
            },
            { title: t(M.tagCode), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
            { title: t(M.tagSensitive), dataIndex: 'sensitive', render: (v: boolean) => (v ? t(APP.yes) : t(APP.no)) },
            { title: t(M.tagSort), dataIndex: 'sortOrder' },
            { title: t(M.tagCount), dataIndex: 'residentCount' },
            ...(canManage
              ? [
                  {
                    title: t(APP.actions),
                    key: 'a',
                    render: (_: unknown, d: TagDef) => (
                      <EditDeleteLinks
                        onEdit={() => setEditing(d)}
                        confirm={t(M.removeTagConfirm, { label: d.label })}
                        onDelete={() => remove(d)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && countyId && (
        <TagModal
          countyId={countyId}
          tag={editing === 'new' ? null : editing}
          nextOrder={(tags.at(-1)?.sortOrder ?? 0) + 10}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

/** The form holds the contract's input (the code only when adding). */
type TagValues = z.input<typeof ZTagDefCreate>;

function TagModal({
  countyId,
  tag,
  nextOrder,
  onClose,
}: {
  countyId: string;
  tag: TagDef | null;
  nextOrder: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<TagValues>();
  const save = useSaveMutation(
    form,
    { create: peopleApi.createTag, update: peopleApi.updateTag },
    { onSaved: onClose },
  );
  const submit = (v: TagValues) => {
    const body = { label: v.label, sensitive: !!v.sensitive, sortOrder: v.sortOrder ?? 0 };
    if (tag) void save.update({ params: { countyId, code: tag.code }, body });
    else void save.create({ params: { countyId }, body: { ...body, code: v.code } });
  };
  return (
    <FormModal
      title={tag ? t(M.editTag, { label: tag.label }) : t(M.newTag)}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={tag ?? { sensitive: true, sortOrder: nextOrder }}
    >
      <Form.Item name="label" label={t(M.tagLabel)} rules={[rules.required(t), rules.max(t, PEOPLE_LIMITS.tagLabel)]}>
        <Input maxLength={PEOPLE_LIMITS.tagLabel} autoFocus />
      </Form.Item>
      {!tag && (
        <Form.Item
          name="code"
          label={t(M.tagCode)}
          extra={t(M.tagCodeHelp)}
          rules={[rules.required(t), { pattern: /^[a-z][a-z0-9_]{1,23}$/, message: t(M.tagCodeHelp) }]}
        >
          <Input maxLength={PEOPLE_LIMITS.tagCode} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="sensitive" valuePropName="checked" extra={t(M.tagSensitiveHelp)}>
        <Checkbox>{t(M.tagSensitive)}</Checkbox>
      </Form.Item>
      <Form.Item name="sortOrder" label={t(M.tagSort)}>
        <InputNumber min={0} max={9999} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
