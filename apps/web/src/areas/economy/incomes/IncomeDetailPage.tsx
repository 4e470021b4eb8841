/**
 * An income entry (`/economy/incomes/:id`): the village, year, source, amount and evidence, the review action bar
 * (only the moves the server allows this user now), the photos and the timeline.
 */
import { Card, Descriptions, Image, Space, Tag } from 'antd';
import { useParams } from 'react-router';
import { INCOME_FLOW, INCOME_SOURCES, INCOME_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime, Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DeleteRestoreButton, DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { wan } from '../money';
import { INCOME_EVENT_KINDS, type IncomeDetail, STATUS_COLOR } from './incomeModel';

/** The income entry page. */
export default function IncomeDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<IncomeDetail>('income', 'economy/incomes', id);
  const r = q.data;
  const title = r ? t(`${r.orgName} ${r.year} 年集体经济收入`, `${r.orgName}: income of ${r.year}`) : undefined;
  usePageCrumb(title);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="income-title"
          title={title!}
          tags={
            <Tag color={STATUS_COLOR[r.status]} data-testid="income-status">
              {lbl(INCOME_STATUSES, r.status)}
            </Tag>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={INCOME_FLOW.actions}
                primary={['accept', 'resubmit']}
                danger={['return', 'reopen']}
                fields={{ reason: { label: { zh: '原因', en: 'Reason' }, input: 'textarea' } }}
                run={(move, input) => api.post(`/api/economy/incomes/${id}/${move}`, input)}
                onDone={(_m, next) => {
                  if (next) qc.setQueryData(['income', id], next);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {r.canEdit || deleted ? (
                <DeleteRestoreButton
                  path={`/api/economy/incomes/${id}`}
                  deleted={deleted}
                  capability="incomes.write"
                  confirm={t('删除这条收入？', 'Delete this entry?')}
                  description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                  onChanged={changed}
                />
              ) : null}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('村', 'Village')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('乡镇', 'Township')}>{r.townshipName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('年度', 'Year')}>{r.year}</Descriptions.Item>
          <Descriptions.Item label={t('收入来源', 'Source')}>{lbl(INCOME_SOURCES, r.source)}</Descriptions.Item>
          <Descriptions.Item label={t('金额（万元）', 'Amount (10k yuan)')}>
            <span data-testid="income-amount">{wan(r.amountFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('审核日期', 'Reviewed on')}>{r.reviewedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('说明', 'Note')} span={3}>
            {r.note ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('佐证材料', 'Evidence')} span={3}>
            {r.evidence ?? '—'}
          </Descriptions.Item>
          {r.returnReason && r.status === 'returned' ? (
            <Descriptions.Item label={t('退回原因', 'Returned because')} span={3}>
              {r.returnReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {r.photos.length ? (
          <Image.PreviewGroup>
            <Space wrap style={{ marginTop: 12 }}>
              {r.photos.map((p) => (
                <Image
                  key={p.id}
                  src={p.url}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover' }}
                  alt={t('佐证照片', 'Photo')}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        ) : null}
      </Card>
      <Card title={t('审核过程', 'History')}>
        <Timeline events={r.events} kinds={INCOME_EVENT_KINDS} states={INCOME_STATUSES} />
      </Card>
    </Space>
  );
}
