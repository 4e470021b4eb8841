/** The delete button of a record's page: asks first (with what follows), then deletes. */
import { Button, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n';

/** A danger 删除 button behind a confirmation: `title` asks, `description` says what follows. */
export function ConfirmDelete(props: { title: string; description?: string; onConfirm: () => void; testId?: string }) {
  const t = useT();
  return (
    <Popconfirm
      title={props.title}
      description={props.description}
      okText={t('删除', 'Delete')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={props.onConfirm}
    >
      <Button danger icon={<DeleteOutlined />} data-testid={props.testId}>
        {t('删除', 'Delete')}
      </Button>
    </Popconfirm>
  );
}
