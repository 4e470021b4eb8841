/**
 * A request in full (`/requests/:id`): the record, its timeline, the actions (owner, progress, transfer, close, rate),
 * the cards to print, delete and restore.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Skeleton,
  Space,
} from 'antd';
import { DeleteOutlined, PrinterOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { REQUEST_CATEGORIES, REQUEST_CHANNELS, SATISFACTION } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useFeedback } from '../../../components/feedback';
import { ErrorResult } from '../../../components/States';
import { chinaDateTime, daysLate, type RequestDetail } from './requestModel';
import { EventTimeline, LevelTag, MemberPicker, RatingTag, RequestStatusTag } from './RequestParts';

type Action = 'assign' | 'progress' | 'transfer' | 'close' | 'rate';

function ActionModal({
  action,
  r,
  onClose,
  onDone,
}: {
  action: Action;
  r: RequestDetail;
  onClose: () => void;
  onDone: (next: RequestDetail | null) => void;
}) {
  const t = useT();
  const opts = useEnumOptions();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titles: Record<Action, string> = {
    assign: t('指定责任人', 'Assign an owner'),
    progress: t('记录办理进展', 'Record progress'),
    transfer: t('转办', 'Transfer'),
    close: t('办结', 'Close'),
    rate: t('代群众评价', 'Rate on behalf of the resident'),
  };
  async function submit() {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (action === 'transfer' && !v.toOrgId && !(v.department as string | undefined)?.trim()) {
      setError(t('请选择转办的组织或填写部门', 'Choose the organization or the department'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
      const next = await api.post<RequestDetail>(`/api/requests/${r.id}/${action}`, body);
      onDone(next && typeof next === 'object' && 'id' in next ? next : null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={titles[action]}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ ownerName: r.ownerName ?? undefined }}>
        {action === 'assign' ? (
          <>
            <Form.Item label={t('党员', 'Member')} name="ownerMemberId">
              <MemberPicker
                org={r.orgId}
                onChange={(id, name) =>
                  form.setFieldsValue({ ownerMemberId: id, ownerName: name ?? form.getFieldValue('ownerName') })
                }
              />
            </Form.Item>
            <Form.Item
              label={t('责任人姓名', 'Owner name')}
              name="ownerName"
              rules={[{ required: true, whitespace: true, message: t('请填写责任人', 'Name the owner') }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </>
        ) : null}
        {action === 'transfer' ? (
          <>
            <Form.Item label={t('转至组织', 'To organization')} name="toOrgId">
              <OrgTreeSelect />
            </Form.Item>
            <Form.Item label={t('或转至部门', 'Or to a department')} name="department">
              <Input maxLength={60} placeholder={t('如：县自然资源局', 'e.g. the county land bureau')} />
            </Form.Item>
          </>
        ) : null}
        {action === 'progress' || action === 'transfer' ? (
          <Form.Item
            label={t('说明', 'Note')}
            name="note"
            rules={[{ required: true, whitespace: true, message: t('请填写说明', 'Write a note') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {action === 'close' ? (
          <Form.Item
            label={t('办理结果', 'Result')}
            name="result"
            rules={[{ required: true, whitespace: true, message: t('请填写办理结果', 'Write the result') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        ) : null}
        {action === 'rate' ? (
          <Form.Item
            label={t('群众评价', 'Rating')}
            name="rating"
            rules={[{ required: true, message: t('请选择评价', 'Choose a rating') }]}
            extra={t('「不满意」将重新办理一次', '“Unsatisfied” reopens the request once')}
          >
            <Radio.Group options={opts(SATISFACTION)} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** The request detail page. */
export default function RequestDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const qc = useQueryClient();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { data: me } = useMe();
  const canWrite = hasCap(me, 'residents.write');
  const [action, setAction] = useState<Action | null>(null);
  const [fullPhone, setFullPhone] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['request', id],
    queryFn: ({ signal }) => api.get<RequestDetail>(`/api/requests/${id}`, undefined, signal),
  });
  const r = q.data;
  usePageCrumb(r ? t(`诉求 #${r.id}`, `Request #${r.id}`) : undefined);

  function changed() {
    qc.invalidateQueries({ queryKey: ['requests'] });
    qc.invalidateQueries({ queryKey: ['service-stats'] });
    void q.refetch();
  }

  async function remove() {
    try {
      await api.del(`/api/requests/${id}`);
      message.success(t('已移入回收站', 'Moved to the recycle bin'));
      changed();
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  async function restore() {
    try {
      await api.post(`/api/requests/${id}/restore`);
      message.success(t('已恢复', 'Restored'));
      changed();
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  if (q.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (q.error || !r) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const deleted = !!r.deletedAt;
  const closed = r.status === 'closed';
  const late = daysLate(r.dueAt);
  const card = (type: 'commitment' | 'feedback') =>
    window.open(`/api/requests/${r.id}/card?type=${type}`, '_blank', 'noopener');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start', marginBottom: 16 }}>
          <div style={{ flex: '1 1 360px' }}>
            <h1 style={{ fontSize: 20, margin: '0 0 6px' }} data-testid="request-title">
              {t(`诉求 #${r.id}`, `Request #${r.id}`)} · {lbl(REQUEST_CATEGORIES, r.category)}
            </h1>
            <Space wrap size={8}>
              <LevelTag level={r.level} />
              <RequestStatusTag status={r.status} overdue={r.overdue} />
              <span className="dj-muted">
                {r.orgName} · {t('受理于', 'accepted')} {chinaDateTime(r.acceptedAt)}
              </span>
            </Space>
          </div>
          <Space wrap>
            {canWrite && !deleted && !closed ? (
              <>
                <Button type="primary" onClick={() => setAction('close')} data-testid="action-close">
                  {t('办结', 'Close')}
                </Button>
                <Button onClick={() => setAction('assign')} data-testid="action-assign">
                  {t('指定责任人', 'Assign')}
                </Button>
                <Button onClick={() => setAction('progress')} data-testid="action-progress">
                  {t('办理进展', 'Progress')}
                </Button>
                <Button onClick={() => setAction('transfer')} data-testid="action-transfer">
                  {t('转办', 'Transfer')}
                </Button>
              </>
            ) : null}
            {canWrite && !deleted && closed && !r.rating ? (
              <Button type="primary" onClick={() => setAction('rate')} data-testid="action-rate">
                {t('代群众评价', 'Rate for the resident')}
              </Button>
            ) : null}
            <Button icon={<PrinterOutlined />} onClick={() => card('commitment')} data-testid="card-commitment">
              {t('承诺卡', 'Commitment card')}
            </Button>
            {closed ? (
              <Button icon={<PrinterOutlined />} onClick={() => card('feedback')} data-testid="card-feedback">
                {t('反馈卡', 'Feedback card')}
              </Button>
            ) : null}
            {canWrite ? (
              deleted ? (
                <Button icon={<UndoOutlined />} onClick={restore} data-testid="restore-request">
                  {t('恢复', 'Restore')}
                </Button>
              ) : (
                <Popconfirm
                  title={t('删除这条诉求？', 'Delete this request?')}
                  description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                  okText={t('删除', 'Delete')}
                  cancelText={t('取消', 'Cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={remove}
                >
                  <Button danger icon={<DeleteOutlined />} data-testid="delete-request">
                    {t('删除', 'Delete')}
                  </Button>
                </Popconfirm>
              )
            ) : null}
          </Space>
        </div>
        {deleted ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`此诉求已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`)}
          />
        ) : null}
        {r.overdue && !deleted ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`已超过办结时限 ${late} 天`, `Past its deadline by ${late} day${late === 1 ? '' : 's'}`)}
            data-testid="overdue-alert"
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('反映人', 'Resident')}>
            {r.residentName ?? t('匿名', 'Anonymous')}
          </Descriptions.Item>
          <Descriptions.Item label={t('联系电话', 'Phone')}>
            {fullPhone ?? r.phone ?? '—'}
            {r.phone && !fullPhone && hasCap(me, 'residents.reveal') ? (
              <Button
                type="link"
                size="small"
                onClick={async () => {
                  try {
                    setFullPhone(
                      (await api.post<{ phone: string }>(`/api/requests/${id}/reveal`, { fields: ['phone'] })).phone,
                    );
                  } catch (e) {
                    message.error((e as Error).message);
                  }
                }}
              >
                {t('查看完整号码', 'Show in full')}
              </Button>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('来源渠道', 'Channel')}>{lbl(REQUEST_CHANNELS, r.channel)}</Descriptions.Item>
          <Descriptions.Item label={t('受理组织', 'Accepted by')}>{r.originOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('承办组织', 'Handled by')}>
            {r.orgName}
            {r.escalations ? t(`（已上移 ${r.escalations} 次）`, ` (escalated ${r.escalations}×)`) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('责任人 / 部门', 'Owner / department')}>
            {[r.ownerName, r.department].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('办结时限', 'Due')}>
            <span className={r.overdue ? 'sv-due-late' : undefined}>{r.dueAt ? chinaDateTime(r.dueAt) : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('办结时间', 'Closed')}>
            {r.closedAt ? chinaDateTime(r.closedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('群众评价', 'Rating')}>
            <RatingTag rating={r.rating} />
            {r.reopened ? <span className="dj-muted">{t('（曾重新办理）', ' (reopened once)')}</span> : null}
          </Descriptions.Item>
        </Descriptions>
        <Descriptions bordered size="small" column={1} style={{ marginTop: 12 }} styles={{ label: { width: 110 } }}>
          <Descriptions.Item label={t('诉求内容', 'Request')}>
            <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.description}</p>
          </Descriptions.Item>
          <Descriptions.Item label={t('办理结果', 'Result')}>
            {r.result ? <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.result}</p> : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('办理过程', 'Timeline')}>
            <EventTimeline events={r.events} />
          </Card>
        </Col>
      </Row>
      {action ? (
        <ActionModal
          action={action}
          r={r}
          onClose={() => setAction(null)}
          onDone={(next) => {
            setAction(null);
            if (next) qc.setQueryData(['request', id], { ...r, ...next, events: next.events ?? r.events });
            message.success(t('已保存', 'Saved'));
            changed();
          }}
        />
      ) : null}
    </Space>
  );
}
