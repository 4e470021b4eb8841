/**
 * The drawer of one record (`/things/:id` over its list): the skeleton while it loads, the error when it fails,
 * then a note when it is in the recycle bin and the record's body; an edit button for writers in the corner.
 *
 *   <RecordDrawer query={q} size={560} title={m ? m.name : t('党员详情', 'Member')} testId="member-drawer"
 *     onClose={onClose} edit={canWrite ? `/members/${id}/edit` : undefined}>
 *     {(m) => <Descriptions …/>}
 *   </RecordDrawer>
 */
import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Skeleton, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n';
import { useFeedback } from '../feedback';
import { ErrorResult } from '../States';

/** The configuration of a record's drawer. */
export interface RecordDrawerProps<T extends { deletedAt?: string | null }> {
  query: UseQueryResult<T>;
  title: ReactNode;
  size: number;
  testId: string;
  onClose: () => void;
  /** The edit page: an edit button while the record is live (leave out for readers). */
  edit?: string;
  /** More buttons before the edit button. */
  actions?: ReactNode;
  children: (record: T) => ReactNode;
}

/** A record's drawer: see the usage at the top of this file. */
export function RecordDrawer<T extends { deletedAt?: string | null }>(props: RecordDrawerProps<T>) {
  const t = useT();
  const navigate = useNavigate();
  const { data: r, isPending, error } = props.query;
  const live = r && !r.deletedAt;
  const edit =
    live && props.edit ? (
      <Button icon={<EditOutlined />} onClick={() => navigate(props.edit as string)}>
        {t('编辑', 'Edit')}
      </Button>
    ) : null;
  return (
    <Drawer
      open
      onClose={props.onClose}
      size={props.size}
      title={props.title}
      extra={
        live && props.actions ? (
          <Space>
            {props.actions}
            {edit}
          </Space>
        ) : (
          edit
        )
      }
      data-testid={props.testId}
    >
      {isPending ? (
        <Skeleton active />
      ) : error ? (
        <ErrorResult error={error} />
      ) : r ? (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <DeletedNote deletedAt={r.deletedAt} />
          {props.children(r)}
        </Space>
      ) : null}
    </Drawer>
  );
}

/** The warning on a record in the recycle bin; nothing on a live one. */
export function DeletedNote({ deletedAt }: { deletedAt?: string | null }) {
  const t = useT();
  return deletedAt ? (
    <Alert
      type="warning"
      showIcon
      title={t(
        `已于 ${deletedAt.slice(0, 10)} 删除（在回收站中）`,
        `Deleted on ${deletedAt.slice(0, 10)} (in the recycle bin)`,
      )}
    />
  ) : null;
}

/**
 * Asks before showing full numbers (every viewing is recorded in the audit trail), then calls `show`; a refusal
 * becomes an error message. `whose` names the person in the question; without it the question is general.
 */
export function useRevealConfirm() {
  const t = useT();
  const { modal, message } = useFeedback();
  return (show: () => Promise<void>, whose?: string) =>
    modal.confirm({
      title: t('查看完整号码', 'Show full numbers'),
      content: whose
        ? t(
            `查看「${whose}」的完整身份证号码和手机号码将被记录在审计日志中（谁、何时、查看了谁）。确定继续吗？`,
            `Viewing ${whose}'s full ID and phone numbers is recorded in the audit trail (who, when, whose). Continue?`,
          )
        : t(
            '查看完整的身份证号码和手机号码将被记录在审计日志中（谁、何时、查看了谁）。确定继续吗？',
            'Viewing the full ID and phone numbers is recorded in the audit trail (who, when, whose). Continue?',
          ),
      okText: t('查看并记录', 'Show and record'),
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        try {
          await show();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
}
