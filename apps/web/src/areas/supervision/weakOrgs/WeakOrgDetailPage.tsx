/**
 * A weak organization's file (`/weak-orgs/:id`): the reasons, the leader (包抓, 挂牌督战), the plan and its measures,
 * the check-ups as a month × topic table, the acceptances with pass or fail and why, the timeline, and the action
 * bar (the moves the server allows this user now) with the dialogs of the plan, a check-up and an acceptance.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag } from 'antd';
import { AuditOutlined, EditOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import {
  ACCEPTANCE_FAILURES,
  CHECKUP_RATINGS,
  CHECKUP_TOPICS,
  type CheckupTopic,
  WEAK_ORG_FLOW,
  WEAK_ORG_REASONS,
  WEAK_ORG_STATUSES,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ConfirmDelete } from '../../../components/form/ConfirmDelete';
import { chinaDateTime, Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { AcceptanceDialog, CheckupDialog, PlanDialog } from './WeakOrgDialogs';
import { type Checkup, STATUS_COLOR, WEAK_ORG_EVENT_KINDS, type WeakOrgDetail } from './weakOrgModel';

const TOPICS = Object.keys(CHECKUP_TOPICS) as CheckupTopic[];
const RATING_COLOR: Record<string, string> = { good: 'green', fair: 'gold', poor: 'red' };

/** The file page. */
export default function WeakOrgDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<WeakOrgDetail>('weak-org', 'weak-orgs', id);
  const [dialog, setDialog] = useState<'plan' | 'checkup' | 'acceptance' | null>(null);
  const r = q.data;
  usePageCrumb(r ? r.orgName : undefined);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const saved = (next: WeakOrgDetail) => {
    qc.setQueryData(['weak-org', id], next);
    setDialog(null);
    message.success(t('已保存', 'Saved'));
    changed();
  };
  const canAccept = !deleted && r.status === 'accepting' && hasCap(me, 'weakOrgs.accept');
  const last = r.acceptances.at(-1);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="weak-org-title"
          title={t(`${r.orgName}软弱涣散整顿档案`, `Rectification file of ${r.orgName}`)}
          tags={
            <>
              <Tag color={STATUS_COLOR[r.status]} data-testid="weak-org-status">
                {lbl(WEAK_ORG_STATUSES, r.status)}
              </Tag>
              {r.listed ? <Tag color="red">{t('挂牌督战', 'Listed for supervision')}</Tag> : null}
              <span className="dj-muted">
                {t(`整顿 ${r.monthsInRectification} 个月`, `${r.monthsInRectification} months in rectification`)}
              </span>
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : r.actions}
                moves={WEAK_ORG_FLOW.actions}
                note="none"
                skip={['assess']}
                primary={['start', 'submit', 'release']}
                danger={['extend']}
                fields={{ reason: { label: { zh: '延期原因', en: 'Reason' }, input: 'textarea' } }}
                run={(move, input) => api.post(`/api/weak-orgs/${id}/${move}`, input)}
                onDone={(_m, next) => {
                  if (next) qc.setQueryData(['weak-org', id], next);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
              {r.canEdit ? (
                <Button icon={<EditOutlined />} onClick={() => setDialog('plan')} data-testid="weak-edit-plan">
                  {t('整顿方案', 'Plan')}
                </Button>
              ) : null}
              {r.canCheckup ? (
                <Button icon={<MedicineBoxOutlined />} onClick={() => setDialog('checkup')} data-testid="weak-checkup">
                  {t('录入体检', 'Record a check-up')}
                </Button>
              ) : null}
              {canAccept ? (
                <Button
                  type="primary"
                  icon={<AuditOutlined />}
                  onClick={() => setDialog('acceptance')}
                  data-testid="weak-acceptance"
                >
                  {t('录入验收', 'Record the acceptance')}
                </Button>
              ) : null}
              {hasCap(me, 'weakOrgs.flag') ? (
                deleted ? (
                  <Button
                    onClick={() =>
                      api.post(`/api/weak-orgs/${id}/restore`).then(changed, (e) => message.error(e.message))
                    }
                  >
                    {t('恢复', 'Restore')}
                  </Button>
                ) : (
                  <ConfirmDelete
                    title={t('删除这份误录的整顿档案？', 'Delete this mistaken file?')}
                    description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                    onConfirm={() => api.del(`/api/weak-orgs/${id}`).then(changed, (e) => message.error(e.message))}
                  />
                )
              ) : null}
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        {r.status === 'accepting' && last?.passed ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('验收已通过，待县委组织部销号', 'The acceptance passed: the county may release the file')}
          />
        ) : null}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('党组织', 'Organization')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('所属乡镇', 'Township')}>{r.townshipName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('确定日期', 'Flagged on')}>{r.flaggedOn}</Descriptions.Item>
          <Descriptions.Item label={t('软弱涣散原因', 'Reasons')} span={2}>
            <Space wrap size={4}>
              {r.reasons.map((k) => (
                <Tag key={k}>{lbl(WEAK_ORG_REASONS, k)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('包抓领导', 'Leader assigned')}>
            {r.leaderName}（{r.leaderPost}）
          </Descriptions.Item>
          <Descriptions.Item label={t('具体表现', 'In words')} span={3}>
            {r.reasonText ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('销号日期', 'Released on')}>{r.releasedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('整顿方案', 'Rectification plan')}>
        {r.plan ? (
          <p style={{ whiteSpace: 'pre-wrap' }}>{r.plan}</p>
        ) : (
          <Empty description={t('尚未制定整顿方案', 'No plan yet')} />
        )}
        {r.measures.length ? (
          <Table
            size="small"
            rowKey={(_m, i) => String(i)}
            pagination={false}
            dataSource={r.measures}
            columns={[
              { title: t('整改措施', 'Measure'), dataIndex: 'content' },
              { title: t('完成时限', 'Due on'), dataIndex: 'dueOn', width: 120 },
              {
                title: t('完成情况', 'Done'),
                dataIndex: 'done',
                width: 110,
                render: (v) =>
                  v ? <Tag color="green">{t('已完成', 'Done')}</Tag> : <Tag>{t('推进中', 'Under way')}</Tag>,
              },
            ]}
          />
        ) : null}
      </Card>
      <Card title={t('全面体检', 'Monthly check-ups')}>
        <Table<Checkup>
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="weak-checkups"
          locale={{ emptyText: t('尚无体检记录', 'No check-up yet') }}
          dataSource={[...r.checkups].reverse()}
          scroll={{ x: 900 }}
          columns={[
            { title: t('月份', 'Month'), dataIndex: 'month', width: 90, fixed: 'left' },
            ...TOPICS.map((k) => ({
              title: lbl(CHECKUP_TOPICS, k),
              key: k,
              render: (_: unknown, c: Checkup) => {
                const i = c.items.find((x) => x.topic === k);
                if (!i) return '—';
                return (
                  <Space orientation="vertical" size={0}>
                    <Tag color={RATING_COLOR[i.rating]}>{lbl(CHECKUP_RATINGS, i.rating)}</Tag>
                    {i.findings ? <span className="dj-muted">{i.findings}</span> : null}
                    {i.problemId ? (
                      <a href={`/problems/${i.problemId}`}>{t('已转问题整改', 'Problem opened')}</a>
                    ) : null}
                  </Space>
                );
              },
            })),
            { title: t('体检人', 'Checked by'), dataIndex: 'checkedBy', width: 100 },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('整顿验收', 'Acceptances')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="weak-acceptances"
              locale={{ emptyText: t('尚未验收', 'Not accepted yet') }}
              dataSource={r.acceptances}
              columns={[
                { title: t('验收日期', 'Date'), dataIndex: 'acceptedOn', width: 110 },
                { title: t('得分', 'Score'), dataIndex: 'score', width: 70 },
                {
                  title: t('不满意', 'Dissatisfied'),
                  key: 'd',
                  width: 120,
                  render: (_: unknown, a) =>
                    `${a.panelDissatisfied}/${a.panelSize}` +
                    (a.residentsAsked
                      ? t(
                          `，群众 ${a.residentsDissatisfied ?? 0}/${a.residentsAsked}`,
                          `, residents ${a.residentsDissatisfied ?? 0}/${a.residentsAsked}`,
                        )
                      : ''),
                },
                {
                  title: t('结论', 'Verdict'),
                  key: 'v',
                  render: (_: unknown, a) =>
                    a.passed ? (
                      <Tag color="green">{t('通过', 'Passed')}</Tag>
                    ) : (
                      <Space orientation="vertical" size={0}>
                        <Tag color="red">{t('未通过', 'Failed')}</Tag>
                        {a.failures.map((f) => (
                          <span key={f} className="dj-muted">
                            {lbl(ACCEPTANCE_FAILURES, f)}
                          </span>
                        ))}
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('整顿过程', 'History')}>
            <Timeline events={r.events} kinds={WEAK_ORG_EVENT_KINDS} states={WEAK_ORG_STATUSES} />
          </Card>
        </Col>
      </Row>
      {dialog === 'plan' ? <PlanDialog file={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog === 'checkup' ? <CheckupDialog file={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog === 'acceptance' ? <AcceptanceDialog file={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
    </Space>
  );
}
