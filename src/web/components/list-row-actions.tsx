import { Button, Popconfirm } from 'antd';
import { useI18n } from '../i18n/i18n';
import { M as APP } from '../i18n/messages';

/** A table row's 编辑 and 删除 links; 删除 asks first (`confirm` names the row). */
export function EditDeleteLinks({
  onEdit,
  confirm,
  onDelete,
}: {
  onEdit: () => void;
  confirm: string;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', gap: 4 }}>
      <Button type="link" style={{ paddingInline: 4 }} onClick={onEdit}>
        {t(APP.edit)}
      </Button>
      <Popconfirm
        title={confirm}
        okText={t(APP.delete)}
        cancelText={t(APP.cancel)}
        okButtonProps={{ danger: true }}
        onConfirm={onDelete}
      >
        <Button type="link" danger style={{ paddingInline: 4 }}>
          {t(APP.delete)}
        </Button>
      </Popconfirm>
    </span>
  );
}
