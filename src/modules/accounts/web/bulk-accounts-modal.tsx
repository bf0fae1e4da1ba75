import { Form, Radio } from 'antd';
import { useNavigate } from 'react-router';
import { useFormMutation } from '../../../web/api/hooks';
import { FormModal } from '../../../web/components/form-modal';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { usersApi, type BulkAccounts } from '../account.contract';
import { M } from './users.messages';

/**
 * 批量开通账号: an account for every town office and centre under a county or town that has
 * none. The one-time passwords come back once, straight onto the handout sheet (printed per town).
 */
export function BulkAccountsModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const tree = useOrgTree();
  const [form] = Form.useForm<BulkAccounts>();
  const send = useFormMutation(form, usersApi.bulk, {
    onSuccess: (out, input) =>
      navigate('/print/accounts', {
        state: { ...out, nodeName: tree.data?.byId.get(input.body.nodeId)?.name ?? '' },
      }),
  });
  const submit = (v: BulkAccounts) => send.submit({ body: v });
  return (
    <FormModal<BulkAccounts>
      title={t(M.bulkTitle)}
      intro={t(M.bulkIntro)}
      okText={t(M.bulkOk)}
      width={560}
      onClose={onClose}
      initialValues={{ nodeId: tree.data?.roots[0]?.id, rule: 'code' }}
      {...send.formProps(submit)}
    >
      <Form.Item name="nodeId" label={t(M.bulkNode)} rules={[rules.chosen(t)]}>
        <NodeTreeSelect selectable={(n) => n.level === 'county' || n.level === 'town'} />
      </Form.Item>
      <Form.Item name="rule" label={t(M.bulkRule)} rules={[rules.chosen(t)]}>
        <Radio.Group
          options={[
            { value: 'code', label: t(M.bulkRuleCode) },
            { value: 'pinyin', label: t(M.bulkRulePinyin) },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}
