import { useState } from 'react';
import { App, Form, InputNumber, Modal, Select, Typography } from 'antd';
import type { TreeNode } from '../../organisations/org.contract';
import { useApiMutation } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { COURSE_LIMITS, coursesApi } from '../courses.contract';
import { M } from './courses.messages';
import { useCourseRules } from './courses.queries';
import { refusalText } from './course-actions';

/** A town's limit of featured courses per centre (一社区一精品: 1 by default). */
export function FeaturedRulesModal({ towns, onClose }: { towns: TreeNode[]; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [townId, setTownId] = useState(towns[0]?.id);
  const rules = useCourseRules(townId);
  const [value, setValue] = useState<number | null>(null);
  const current = value ?? rules.data?.featuredPerCentre ?? null;
  const { run, busy } = useApiMutation(coursesApi.setRules, {
    onSuccess: () => {
      void message.success(t(M.rulesSaved));
      onClose();
    },
    onError: (err) => void message.error(refusalText(err, locale)),
  });
  const save = () => {
    if (townId && current !== null) void run({ params: { nodeId: townId }, body: { featuredPerCentre: current } });
  };
  const town = towns.find((n) => n.id === townId);
  return (
    <Modal
      open
      title={t(M.featuredRulesTitle, { town: town?.name ?? '' })}
      onCancel={onClose}
      cancelText={t(APP.cancel)}
      okText={t(APP.save)}
      confirmLoading={busy}
      okButtonProps={{ disabled: !rules.data?.canEditFeatured }}
      onOk={save}
    >
      <Form layout="vertical">
        {towns.length > 1 && (
          <Form.Item label={t(M.town)} htmlFor="rules-town">
            <Select
              id="rules-town"
              value={townId}
              onChange={(v) => {
                setTownId(v);
                setValue(null);
              }}
              options={towns.map((n) => ({ value: n.id, label: n.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t(M.featuredPerCentre)} htmlFor="rules-featured">
          <InputNumber
            id="rules-featured"
            min={0}
            max={COURSE_LIMITS.featuredMax}
            value={current}
            onChange={(v) => setValue(v)}
            disabled={!rules.data?.canEditFeatured}
            suffix={t(M.featuredPerCentreUnit)}
            style={{ width: 160 }}
          />
        </Form.Item>
        {rules.data && !rules.data.canEditFeatured && (
          <Typography.Text type="secondary">{t(M.featuredReadOnly)}</Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
