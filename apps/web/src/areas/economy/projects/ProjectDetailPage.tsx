/**
 * An industry project (`/economy/projects/:id`): the lead and partner villages, industry, models, cooperatives and
 * status; its years (funds by source, leveraged, households and income) with the dialog to record one; the timeline.
 */
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { PROJECT_FUND_SOURCES, PROJECT_INDUSTRIES, PROJECT_MODELS, PROJECT_STATUSES } from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime, Timeline } from '../../../components/Timeline';
import { DeleteRestoreButton, DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { ProjectYearDialog } from './ProjectYearDialog';
import { PROJECT_EVENT_KINDS, type ProjectDetail, type ProjectYear, STATUS_COLOR, wan } from './projectsModel';

/** The project page. */
export default function ProjectDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<ProjectDetail>('project', 'economy/projects', id);
  const [dialog, setDialog] = useState<{ year?: number } | null>(null);
  const p = q.data;
  usePageCrumb(p ? p.name : undefined);
  const gate = detailGate(q);
  if (gate || !p) return gate;
  const deleted = !!p.deletedAt;
  const sep = t('、', ', ');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="project-title"
          title={p.name}
          tags={
            <Tag color={STATUS_COLOR[p.status]} data-testid="project-status">
              {lbl(PROJECT_STATUSES, p.status)}
            </Tag>
          }
          actions={
            <>
              {p.canEdit ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog({})}
                  data-testid="project-add-year"
                >
                  {t('登记年度情况', 'Record a year')}
                </Button>
              ) : null}
              {p.canEdit ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/economy/projects/${id}/edit`)}>
                  {t('修改', 'Edit')}
                </Button>
              ) : null}
              <DeleteRestoreButton
                path={`/api/economy/projects/${id}`}
                deleted={deleted}
                confirm={t('删除这个误录的产业项目？', 'Delete this mistaken project?')}
                description={t('可在回收站恢复', 'It can be restored from the recycle bin')}
                capability="projects.write"
                onChanged={changed}
              />
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(p.deletedAt)} 删除`, `Deleted on ${chinaDateTime(p.deletedAt)}`) : null
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('牵头村', 'Lead village')}>
            {p.orgName}
            {p.townshipName ? `（${p.townshipName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('联建村', 'Partner villages')}>
            {p.partners.length ? p.partners.map((x) => x.orgName).join(sep) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('产业类别', 'Industry')}>
            {p.industryText || lbl(PROJECT_INDUSTRIES, p.industry)}
          </Descriptions.Item>
          <Descriptions.Item label={t('党支部+模式', 'Models')} span={2}>
            <Space wrap size={4}>
              {p.models.map((m) => (
                <Tag key={m} color="red">
                  {lbl(PROJECT_MODELS, m)}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('起始年度', 'Start year')}>{p.startYear}</Descriptions.Item>
          <Descriptions.Item label={t('专业合作社', 'Cooperatives')} span={2}>
            {p.cooperatives.length
              ? p.cooperatives.map((c) => t(`${c.name}（社员 ${c.members} 人）`, `${c.name} (${c.members})`)).join(sep)
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('累计投入 / 撬动（万元）', 'Given / leveraged (万元)')}>
            {wan(p.givenFen)} / {wan(p.leveragedFen)}
          </Descriptions.Item>
          {p.status === 'stopped' ? (
            <Descriptions.Item label={t('停办', 'Stopped')} span={3}>
              {p.stoppedYear}：{p.stopReason}
            </Descriptions.Item>
          ) : null}
          {p.note ? (
            <Descriptions.Item label={t('项目简介', 'About')} span={3}>
              {p.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t('年度情况', 'Years')}>
            <Table<ProjectYear>
              size="small"
              rowKey="year"
              pagination={false}
              data-testid="project-years"
              scroll={{ x: 760 }}
              locale={{ emptyText: t('尚未登记年度情况', 'No year recorded yet') }}
              dataSource={[...p.years].reverse()}
              onRow={(y) => ({ onClick: () => p.canEdit && setDialog({ year: y.year }) })}
              columns={[
                { title: t('年度', 'Year'), dataIndex: 'year', width: 70 },
                {
                  title: t('投入资金（万元）', 'Given (万元)'),
                  dataIndex: 'givenFen',
                  width: 200,
                  render: (v: number, y) => (
                    <span
                      title={y.funds.map((f) => `${lbl(PROJECT_FUND_SOURCES, f.source)} ${wan(f.amountFen)}`).join(sep)}
                    >
                      {wan(v)}
                      <span className="dj-muted">
                        {' '}
                        {y.funds.map((f) => lbl(PROJECT_FUND_SOURCES, f.source)).join(sep)}
                      </span>
                    </span>
                  ),
                },
                {
                  title: t('撬动（万元）', 'Leveraged'),
                  dataIndex: 'leveragedFen',
                  width: 100,
                  align: 'right',
                  render: wan,
                },
                {
                  title: t('联结农户', 'Households'),
                  dataIndex: 'households',
                  width: 150,
                  render: (v: number, y) =>
                    t(
                      `${v} 户（脱贫户 ${y.householdsPoor}，监测户 ${y.householdsMonitored}）`,
                      `${v} (${y.householdsPoor}, ${y.householdsMonitored})`,
                    ),
                },
                {
                  title: t('农户增收（万元）', 'Added income'),
                  dataIndex: 'householdIncomeFen',
                  width: 110,
                  align: 'right',
                  render: wan,
                },
                {
                  title: t('集体收益（万元）', 'Collective'),
                  dataIndex: 'collectiveIncomeFen',
                  width: 110,
                  align: 'right',
                  render: wan,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('项目过程', 'History')}>
            <Timeline events={p.events} kinds={PROJECT_EVENT_KINDS} states={PROJECT_STATUSES} />
          </Card>
        </Col>
      </Row>
      {dialog ? (
        <ProjectYearDialog
          project={p}
          year={dialog.year}
          onSaved={(next) => {
            qc.setQueryData(['project', id], next);
            setDialog(null);
            message.success(t('已保存', 'Saved'));
            changed();
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Space>
  );
}
