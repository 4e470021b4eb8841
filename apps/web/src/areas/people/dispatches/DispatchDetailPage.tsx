/**
 * A dispatch (`/dispatches/:id`): who, from which unit, to which organizations, for how long and in what status;
 * the days present per month with the township's form to enter them (a number and a note — recorded, not clicked);
 * a team's members; the rotation chain; the link to the village's first-secretary work funds (kept by the funds
 * module); edit, rotate, delete and restore.
 */
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import {
  chinaToday,
  DISPATCH_KINDS,
  DISPATCH_STATUSES,
  DISPATCH_TEAM_ROLES,
  DISPATCH_UNIT_LEVELS,
  type DispatchDetailT,
} from '@dangjian/contracts';
import { api, messageOf } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime } from '../../../components/Timeline';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { RecycleButton } from '../../supervision/problems/parts';

/** The township's entry of one month's days present. */
function PresenceForm({ r, onSaved }: { r: DispatchDetailT; onSaved: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ month: string; days: number; note?: string }>();
  const month = chinaToday().slice(0, 7);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ month }}
      onFinish={async (v) => {
        try {
          await api.post(`/api/dispatches/${r.id}/presence`, {
            month: v.month,
            days: v.days,
            note: v.note?.trim() || null,
          });
          message.success(t('已登记', 'Recorded'));
          form.resetFields(['days', 'note']);
          onSaved();
        } catch (e) {
          const err = e as { code?: string; message?: string };
          message.error(err.code ? messageOf(err.code, err.message) : t('登记失败', 'Failed'));
        }
      }}
      style={{ rowGap: 8 }}
    >
      <Form.Item
        label={t('月份', 'Month')}
        name="month"
        rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('格式如 2026-06', 'Like 2026-06') }]}
      >
        <Input style={{ width: 110 }} placeholder="2026-06" data-testid="presence-month" />
      </Form.Item>
      <Form.Item
        label={t('在村天数', 'Days present')}
        name="days"
        rules={[{ required: true, message: t('请填写天数', 'Enter the days') }]}
      >
        <InputNumber min={0} max={31} precision={0} style={{ width: 90 }} data-testid="presence-days" />
      </Form.Item>
      <Form.Item label={t('说明', 'Note')} name="note">
        <Input count={{ show: true, max: 200 }} style={{ width: 240 }} data-testid="presence-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="save-presence">
        {t('登记', 'Record')}
      </Button>
    </Form>
  );
}

/** The dispatch detail page. */
export default function DispatchDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed } = useRecordDetail<DispatchDetailT>('dispatch', 'dispatches', id);
  const r = q.data;
  const title = r ? `${lbl(DISPATCH_KINDS, r.kind)}：${r.personName}` : undefined;
  usePageCrumb(title);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const canWrite = hasCap(me, 'dispatches.write') && !deleted;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="dispatch-title"
          title={title}
          tags={<Tag color={r.status === 'on_duty' ? 'green' : 'default'}>{lbl(DISPATCH_STATUSES, r.status)}</Tag>}
          actions={
            <>
              {canWrite ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/dispatches/${id}/edit`)}>
                  {t('修改', 'Edit')}
                </Button>
              ) : null}
              {canWrite && r.status === 'on_duty' && r.teamRole !== 'member' ? (
                <Button icon={<SwapOutlined />} onClick={() => navigate(`/dispatches/new?replaces=${id}`)}>
                  {t('轮换', 'Rotate')}
                </Button>
              ) : null}
              <RecycleButton
                path={`/api/dispatches/${id}`}
                capability="dispatches.write"
                deleted={deleted}
                confirm={t('删除这条误录的派驻记录？', 'Delete this mistaken dispatch?')}
                onChanged={changed}
              />
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('派驻类型', 'Kind')}>
            {lbl(DISPATCH_KINDS, r.kind)}
            {r.teamRole ? ` · ${lbl(DISPATCH_TEAM_ROLES, r.teamRole)}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('所属工作队', 'Team')}>
            {r.teamId ? (
              <Link to={`/dispatches/${r.teamId}`}>{t(`${r.teamName}工作队`, `${r.teamName}'s team`)}</Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('派出单位', 'Sending unit')}>
            {r.sendingUnit}（{lbl(DISPATCH_UNIT_LEVELS, r.unitLevel)}）
          </Descriptions.Item>
          <Descriptions.Item label={t('原单位职务', 'Post')}>{r.post ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('手机号', 'Phone')}>{r.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('派驻村（社区）', 'Sent to')}>
            {r.orgs.map((o) => o.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('派驻期', 'Term')}>
            {r.startedOn} ~ {r.endedOn ?? r.endsOn ?? t('至今', 'now')}
          </Descriptions.Item>
          <Descriptions.Item label={t('今年在村天数', 'Days present this year')}>
            <span data-testid="dispatch-days-year">{r.daysThisYear}</span>
          </Descriptions.Item>
          {r.note ? (
            <Descriptions.Item label={t('备注', 'Note')} span={2}>
              {r.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {r.fundsPath ? (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            message={
              <span>
                {t('第一书记工作经费由经费模块登记：', 'Work funds are kept by the funds module: ')}
                <Link to={r.fundsPath} style={{ textDecoration: 'underline' }} data-testid="dispatch-funds-link">
                  {t('查看本村第一书记工作经费', 'the village’s first-secretary work funds')}
                </Link>
              </span>
            }
          />
        ) : null}
      </Card>
      <Card
        title={t('在村天数（按月，乡镇登记）', 'Days present by month (entered by the township)')}
        data-testid="dispatch-presence"
      >
        {canWrite ? (
          <div style={{ marginBottom: 12 }}>
            <PresenceForm r={r} onSaved={changed} />
          </div>
        ) : null}
        <Table
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={r.presence}
          locale={{ emptyText: t('尚未登记在村天数', 'No days recorded yet') }}
          columns={[
            { title: t('月份', 'Month'), dataIndex: 'month', width: 100 },
            { title: t('在村天数', 'Days'), dataIndex: 'days', width: 90 },
            { title: t('说明', 'Note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      {r.teamRole === 'leader' ? (
        <Card title={t(`工作队队员（${r.members.length}）`, `Team members (${r.members.length})`)}>
          {r.members.length ? (
            <Space wrap>
              {r.members.map((m) => (
                <Link key={m.id} to={`/dispatches/${m.id}`}>
                  <Tag>
                    {m.personName} · {lbl(DISPATCH_STATUSES, m.status)}
                  </Tag>
                </Link>
              ))}
            </Space>
          ) : (
            <span className="dj-muted">{t('尚无队员', 'No members yet')}</span>
          )}
        </Card>
      ) : null}
      {r.history.length > 1 ? (
        <Card title={t('轮换记录', 'Rotation history')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={r.history}
            columns={[
              {
                title: t('姓名', 'Name'),
                dataIndex: 'personName',
                render: (v: string, h) => (h.id === r.id ? <b>{v}</b> : <Link to={`/dispatches/${h.id}`}>{v}</Link>),
              },
              { title: t('派驻日期', 'Started on'), dataIndex: 'startedOn', width: 120 },
              {
                title: t('离岗日期', 'Ended on'),
                dataIndex: 'endedOn',
                width: 120,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('状态', 'Status'),
                dataIndex: 'status',
                width: 90,
                render: (v: string) => lbl(DISPATCH_STATUSES, v),
              },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}
