/**
 * A bulletin's preview (`/bulletins/:id`): the printable A4 page as it will print, with the action bar (edit,
 * regenerate, issue, withdraw with a reason, delete/restore of a draft) and the PDF and Excel downloads.
 */
import { Alert, Button, Card, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { DownloadOutlined, FilePdfOutlined, PrinterOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useParams } from 'react-router';
import { BULLETIN_KINDS, BULLETIN_STATUSES, type BulletinDetailT } from '@dangjian/contracts';
import { api, request } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime } from '../../../components/Timeline';
import { detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { BulletinPaper } from './BulletinPaper';
import { EditDraftModal } from './EditDraftModal';

/** The preview page. */
export default function BulletinDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<BulletinDetailT>('bulletin', 'bulletins', id);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const b = q.data;
  usePageCrumb(b?.title);
  const gate = detailGate(q);
  if (gate || !b) return gate;
  const can = (a: string) => b.actions.includes(a as never);
  async function run(name: string, call: () => Promise<BulletinDetailT>, done: string) {
    setBusy(name);
    try {
      qc.setQueryData(['bulletin', id], await call());
      message.success(done);
      changed();
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    } finally {
      setBusy(null);
    }
  }
  const path = `/api/bulletins/${id}`;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
          <div style={{ flex: '1 1 360px' }}>
            <h1 style={{ fontSize: 20, margin: '0 0 6px' }} data-testid="bulletin-title">
              {b.title}
            </h1>
            <Space wrap size={8}>
              <Tag color="blue">{lbl(BULLETIN_KINDS, b.kind)}</Tag>
              <Tag
                color={b.status === 'issued' ? 'green' : b.status === 'withdrawn' ? 'red' : undefined}
                data-testid="bulletin-status"
              >
                {lbl(BULLETIN_STATUSES, b.status)}
              </Tag>
              {b.numberLabel ? <span>{b.numberLabel}</span> : null}
              <span className="dj-muted">
                {t(
                  `数据生成于 ${chinaDateTime(b.content.computedAt)}`,
                  `Computed ${chinaDateTime(b.content.computedAt)}`,
                )}
              </span>
            </Space>
          </div>
          <Space wrap>
            {can('edit') ? (
              <Button onClick={() => setEditing(true)} data-testid="edit-bulletin">
                {t('编辑导语与栏目', 'Edit text and sections')}
              </Button>
            ) : null}
            {can('regenerate') ? (
              <Button
                icon={<ReloadOutlined />}
                loading={busy === 'regenerate'}
                onClick={() =>
                  run('regenerate', () => api.post(`${path}/regenerate`), t('已按最新数据重新生成', 'Regenerated'))
                }
                data-testid="regenerate-bulletin"
              >
                {t('重新生成', 'Regenerate')}
              </Button>
            ) : null}
            {can('issue') ? (
              <Popconfirm
                title={t(
                  '印发后内容将固定并自动编号，不能再修改。确定印发？',
                  'Issuing freezes and numbers it. Issue?',
                )}
                onConfirm={() => run('issue', () => api.post(`${path}/issue`), t('已印发', 'Issued'))}
                okButtonProps={{ 'data-testid': 'confirm-issue' } as never}
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy === 'issue'} data-testid="issue-bulletin">
                  {t('印发', 'Issue')}
                </Button>
              </Popconfirm>
            ) : null}
            {can('withdraw') ? (
              <Button danger onClick={() => setWithdrawing(true)} data-testid="withdraw-bulletin">
                {t('撤回', 'Withdraw')}
              </Button>
            ) : null}
            {can('delete') ? (
              <Popconfirm
                title={t('删除这份草稿？可在回收站恢复', 'Delete this draft? It can be restored')}
                onConfirm={() => run('delete', () => api.del(path), t('已移入回收站', 'Moved to the recycle bin'))}
              >
                <Button danger>{t('删除', 'Delete')}</Button>
              </Popconfirm>
            ) : null}
            {can('restore') ? (
              <Button onClick={() => run('restore', () => api.post(`${path}/restore`), t('已恢复', 'Restored'))}>
                {t('恢复', 'Restore')}
              </Button>
            ) : null}
            <Button icon={<FilePdfOutlined />} href={`${path}/pdf`} target="_blank" data-testid="download-pdf">
              {t('下载 PDF', 'Download PDF')}
            </Button>
            <Button icon={<DownloadOutlined />} href={`${path}/xlsx`} data-testid="download-xlsx">
              {t('导出 Excel', 'Export Excel')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('打印', 'Print')}
            </Button>
          </Space>
        </div>
        {b.deletedAt ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t(`已于 ${chinaDateTime(b.deletedAt)} 删除`, `Deleted on ${chinaDateTime(b.deletedAt)}`)}
          />
        ) : null}
        {b.status === 'withdrawn' ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t(`已撤回：${b.withdrawReason ?? ''}`, `Withdrawn: ${b.withdrawReason ?? ''}`)}
          />
        ) : null}
        {b.status === 'draft' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t(
              '草稿：数字下方带虚线的可点击查看明细，鼠标悬停可看数据来源；印发前可重新生成。',
              'Draft: click a number to open its list, hover for its source; regenerate before issuing.',
            )}
          />
        ) : null}
      </Card>
      <BulletinPaper b={b} />
      <EditDraftModal
        open={editing}
        bulletin={b}
        onClose={() => setEditing(false)}
        onSave={async (body) => {
          if (await run('edit', () => request<BulletinDetailT>('PUT', path, { body }), t('已保存', 'Saved')))
            setEditing(false);
        }}
      />
      <Modal
        open={withdrawing}
        title={t('撤回通报', 'Withdraw the bulletin')}
        okText={t('撤回', 'Withdraw')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy === 'withdraw' }}
        onCancel={() => setWithdrawing(false)}
        onOk={async () => {
          const ok = await run('withdraw', () => api.post(`${path}/withdraw`, { reason }), t('已撤回', 'Withdrawn'));
          if (ok) setWithdrawing(false);
        }}
      >
        <p>
          {t('撤回后通报保留原编号和内容，并标注“已撤回”。请说明理由：', 'It keeps its number, marked withdrawn. Why?')}
        </p>
        <Input.TextArea
          rows={3}
          count={{ show: true, max: 500 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="withdraw-reason"
        />
      </Modal>
    </Space>
  );
}
