/**
 * A transfer in full (`/transfers/:id`): the person and the letter, its timeline, the moves the server allows this
 * user now (the action bar), the letter to print for the sending side, delete and restore of a mistaken record.
 */
import { Alert, Button, Card, Col, Descriptions, Input, Row, Space, Tag } from 'antd';
import { DateField } from '../../../components/DateField';
import { PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { TRANSFER_FLOW, TRANSFER_KINDS, TRANSFER_SIDES, TRANSFER_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { Timeline, chinaDateTime } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DeleteRestoreButton, DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { movePath, TRANSFER_EVENT_KINDS, type TransferDetail } from './transferModel';

/** A date picked as `YYYY-MM-DD` (or a month typed as `YYYY-MM`) in a move's dialog. */
function DayInput(props: { value?: string; onChange?: (v: string | null) => void; month?: boolean; id?: string }) {
  return props.month ? (
    <Input id={props.id} placeholder="2026-05" value={props.value} onChange={(e) => props.onChange?.(e.target.value)} />
  ) : (
    <DateField id={props.id} value={props.value} onChange={props.onChange} />
  );
}

/** The transfer detail page. */
export default function TransferDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<TransferDetail>('transfer', 'transfers', id);
  const r = q.data;
  usePageCrumb(r ? t(`${r.name}的组织关系转接`, `Transfer of ${r.name}`) : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const printable = r.side !== 'in' && r.kind !== 'incoming' && !!r.letterNo;
  const d = (v: string | null) => v ?? '—';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="transfer-title"
          title={t(`${r.name}的组织关系转接`, `Transfer of ${r.name}`)}
          tags={
            <>
              <Tag color="blue">{lbl(TRANSFER_KINDS, r.kind)}</Tag>
              <Tag color={r.status === 'accepted' ? 'green' : undefined} data-testid="transfer-status">
                {lbl(TRANSFER_STATUSES, r.status)}
              </Tag>
              {r.overdue ? <Tag color="red">{t('介绍信已过有效期', 'Letter past its validity')}</Tag> : null}
              <span className="dj-muted">{lbl(TRANSFER_SIDES, r.side)}</span>
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={TRANSFER_FLOW.actions}
                note="none"
                primary={['approve', 'accept', 'receipt']}
                danger={['withdraw', 'sendBack', 'reject']}
                fields={{
                  reason: { label: { zh: '理由', en: 'Reason' }, input: 'textarea' },
                  validUntil: { label: { zh: '介绍信有效期至', en: 'Valid until' }, render: () => <DayInput /> },
                  duesPaidTo: {
                    label: { zh: '党费交至（年-月）', en: 'Dues paid to (YYYY-MM)' },
                    render: () => <DayInput month />,
                  },
                  receiptOn: { label: { zh: '回执日期', en: 'Return slip dated' }, render: () => <DayInput /> },
                }}
                run={(move, input) => api.post(`/api/transfers/${id}/${movePath(move)}`, input)}
                onDone={(_m, next) => {
                  if (next) qc.setQueryData(['transfer', id], next);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {printable ? (
                <Button
                  icon={<PrinterOutlined />}
                  onClick={() => navigate(`/transfers/${id}/letter`)}
                  data-testid="print-letter"
                >
                  {t('打印介绍信', 'Print the letter')}
                </Button>
              ) : null}
              {r.side !== 'in' || r.kind === 'incoming' ? (
                <DeleteRestoreButton
                  path={`/api/transfers/${id}`}
                  capability="transfers.write"
                  deleted={deleted}
                  confirm={t('删除这条误录的转接？', 'Delete this mistaken transfer?')}
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
        {r.status === 'returned' && r.returnReason ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('退回理由：', 'Sent back: ') + r.returnReason}
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('姓名', 'Name')}>{r.name}</Descriptions.Item>
          <Descriptions.Item label={t('身份证号', 'ID number')}>{r.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('转接原因', 'Reason')}>{d(r.reason)}</Descriptions.Item>
          <Descriptions.Item label={t('转出党组织', 'From')}>{r.fromOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('转入党组织', 'To')}>{r.toOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('接收单位地址', 'Its address')}>{d(r.toAddress)}</Descriptions.Item>
          <Descriptions.Item label={t('介绍信编号', 'Letter number')}>{d(r.letterNo)}</Descriptions.Item>
          <Descriptions.Item label={t('开具日期', 'Issued on')}>{d(r.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('有效期至', 'Valid until')}>{d(r.validUntil)}</Descriptions.Item>
          <Descriptions.Item label={t('党费交至', 'Dues paid to')}>{d(r.duesPaidTo)}</Descriptions.Item>
          <Descriptions.Item label={t('申请日期', 'Applied on')}>{r.appliedOn}</Descriptions.Item>
          <Descriptions.Item label={t('接收日期', 'Received on')}>{d(r.acceptedOn)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('办理过程', 'Timeline')}>
            <Timeline events={r.events} kinds={TRANSFER_EVENT_KINDS} states={TRANSFER_STATUSES} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
