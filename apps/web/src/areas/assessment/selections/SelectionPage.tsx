/**
 * A selection (`/selections/:id`): its rules and windows; the nominations of the caller's subtree (all of them for
 * the organizer, who accepts or rejects each); the vote button for a voter; for the organizer the live count, from
 * which the winners are named (off the count only with a reason); the winners once publicized; the timeline.
 */
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Input, Row, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { NOMINATION_STATUSES, SELECTION_FLOW, SELECTION_KINDS, SELECTION_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { Timeline } from '../../../components/Timeline';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { NominateDialog, ReviewDialog } from './SelectionDialogs';
import {
  NOMINATION_COLOR,
  type Nomination,
  SELECTION_EVENT_KINDS,
  SELECTION_STATUS_COLOR,
  type SelectionCount,
  type SelectionDetail,
} from './selectionModel';

/** The selection page. */
export default function SelectionPage() {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const { q, changed, qc } = useRecordDetail<SelectionDetail>('selection', 'selections', id);
  const [dialog, setDialog] = useState<'nominate' | Nomination | null>(null);
  const [winners, setWinners] = useState<number[] | null>(null);
  const [reason, setReason] = useState('');
  const r = q.data;
  const counting = !!r && r.organizer && r.status !== 'nominating';
  const count = useQuery({
    queryKey: ['selection-count', id],
    queryFn: ({ signal }) => api.get<SelectionCount>(`/api/selections/${id}/count`, undefined, signal),
    enabled: counting,
  });
  usePageCrumb(r?.title);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const saved = (next: SelectionDetail) => {
    qc.setQueryData(['selection', id], next);
    setDialog(null);
    message.success(t('已保存', 'Saved'));
    changed();
  };
  const c = count.data;
  const top = c ? c.rows.filter((x) => x.rank <= r.places).map((x) => x.nominationId) : [];
  const chosen =
    winners ?? (c?.rows.some((x) => x.winner) ? c.rows.filter((x) => x.winner).map((x) => x.nominationId) : top);
  const publicize = () =>
    api
      .post<SelectionDetail>(`/api/selections/${id}/publicize`, {
        nominationIds: chosen,
        reason: reason.trim() || null,
      })
      .then(
        (next) => {
          saved(next);
          void count.refetch();
        },
        (e) => message.error(e.message),
      );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="selection-title"
          title={r.title}
          tags={
            <>
              <Tag color={SELECTION_STATUS_COLOR[r.status]} data-testid="selection-status">
                {lbl(SELECTION_STATUSES, r.status)}
              </Tag>
              <Tag>{lbl(SELECTION_KINDS, r.kind)}</Tag>
            </>
          }
          actions={
            <>
              {r.canNominate ? (
                <Button type="primary" onClick={() => setDialog('nominate')} data-testid="nominate">
                  {t('推荐人选', 'Nominate')}
                </Button>
              ) : null}
              {r.canVote || r.voted ? (
                <Button
                  type={r.voted ? 'default' : 'primary'}
                  onClick={() => navigate(`/selections/${id}/ballot`)}
                  data-testid="go-vote"
                >
                  {r.voted ? t('我的选票', 'My ballot') : t('去投票', 'Vote')}
                </Button>
              ) : null}
              <WorkflowActionBar
                actions={r.actions}
                moves={SELECTION_FLOW.actions}
                skip={['publicize']}
                primary={['open_vote', 'publish']}
                note="none"
                run={(move, input) => api.post(`/api/selections/${id}/${move.replace('_', '-')}`, input)}
                onDone={(_m, next) => {
                  if (next) qc.setQueryData(['selection', id], next);
                  message.success(t('已保存', 'Saved'));
                  changed();
                }}
              />
            </>
          }
        />
        <Descriptions column={{ xs: 1, md: 3 }} size="small" style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('组织单位', 'Organizer')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('名额', 'Places')}>{r.places}</Descriptions.Item>
          <Descriptions.Item label={t('每个组织推荐名额', 'Quota')}>{r.quotaPerOrg}</Descriptions.Item>
          <Descriptions.Item
            label={t('推荐期', 'Nominations')}
          >{`${r.nominateFrom} ~ ${r.nominateTo}`}</Descriptions.Item>
          <Descriptions.Item label={t('投票期', 'Voting')}>{`${r.voteFrom} ~ ${r.voteTo}`}</Descriptions.Item>
          <Descriptions.Item label={t('每票最多可选', 'Choices per ballot')}>{r.maxChoices}</Descriptions.Item>
          {r.categories.length ? (
            <Descriptions.Item label={t('评选类别', 'Categories')}>{r.categories.join('、')}</Descriptions.Item>
          ) : null}
          {r.publicizedOn ? (
            <Descriptions.Item label={t('公示', 'Publicized')}>
              {t(`${r.publicizedOn} 起公示 ${r.publicizeDays} 天`, `${r.publicizeDays} days from ${r.publicizedOn}`)}
            </Descriptions.Item>
          ) : null}
          {r.rules ? (
            <Descriptions.Item label={t('评选办法', 'Rules')} span={3}>
              {r.rules}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {r.winnerList.length ? (
        <Card
          title={
            r.status === 'published' ? t('当选名单', 'Winners') : t('拟当选名单（公示中）', 'Winners (publicized)')
          }
        >
          <Space wrap data-testid="winner-list">
            {r.winnerList.map((w) => (
              <Tag key={`${w.memberName}${w.orgName}`} color="gold">
                {w.memberName}（{w.orgName}）
              </Tag>
            ))}
          </Space>
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {counting ? (
              <Card title={t('计票结果（仅组织单位可见）', 'The count (organizer only)')} data-testid="count-card">
                <p className="dj-muted">
                  {c
                    ? t(`已投 ${c.ballots} 票（可投票 ${c.voters} 人）`, `${c.ballots} ballots of ${c.voters} voters`)
                    : null}
                </p>
                <Table
                  size="small"
                  rowKey="nominationId"
                  loading={count.isPending}
                  dataSource={c?.rows ?? []}
                  pagination={false}
                  scroll={{ x: 560 }}
                  rowSelection={
                    r.status === 'voting'
                      ? { selectedRowKeys: chosen, onChange: (keys) => setWinners(keys as number[]) }
                      : undefined
                  }
                  columns={[
                    { title: t('名次', 'Rank'), dataIndex: 'rank', width: 60 },
                    { title: t('姓名', 'Name'), dataIndex: 'memberName', width: 100 },
                    { title: t('所在组织', 'Organization'), dataIndex: 'orgName', width: 180 },
                    { title: t('得票', 'Votes'), dataIndex: 'votes', width: 70 },
                    {
                      title: t('当选', 'Winner'),
                      dataIndex: 'winner',
                      width: 70,
                      render: (v: boolean) => (v ? <Tag color="gold">{t('当选', 'Winner')}</Tag> : null),
                    },
                  ]}
                />
                {r.status === 'voting' ? (
                  <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
                    <Input.TextArea
                      rows={2}
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      count={{ show: true, max: 1000 }}
                      placeholder={t(
                        '当选人与得票排名不一致时，请写明调整理由',
                        'The reason when the winners differ from the count',
                      )}
                      data-testid="winner-reason"
                    />
                    <Button type="primary" disabled={!chosen.length} onClick={publicize} data-testid="publicize">
                      {t(
                        `确定当选人（${chosen.length}/${r.places}）并公示`,
                        `Name ${chosen.length} winners and publicize`,
                      )}
                    </Button>
                  </Space>
                ) : null}
              </Card>
            ) : null}
            <Card title={r.organizer ? t('推荐人选', 'Nominations') : t('本组织推荐的人选', 'Our nominations')}>
              <Table
                size="small"
                rowKey="id"
                dataSource={r.nominations}
                pagination={false}
                scroll={{ x: 720 }}
                locale={{ emptyText: t('还没有推荐人选', 'No nominations yet') }}
                columns={[
                  { title: t('姓名', 'Name'), dataIndex: 'memberName', width: 90 },
                  { title: t('所在组织', 'Organization'), dataIndex: 'memberOrgName', width: 160 },
                  { title: t('推荐单位', 'Nominated by'), dataIndex: 'orgName', width: 140 },
                  { title: t('类别', 'Category'), dataIndex: 'category', width: 120, render: (v) => v ?? '—' },
                  {
                    title: t('审核', 'Review'),
                    dataIndex: 'status',
                    width: 140,
                    render: (_: unknown, n: Nomination) =>
                      r.organizer && r.status === 'nominating' ? (
                        <Button size="small" onClick={() => setDialog(n)} data-testid={`review-${n.id}`}>
                          {lbl(NOMINATION_STATUSES, n.status)}
                        </Button>
                      ) : (
                        <Tag color={NOMINATION_COLOR[n.status]}>{lbl(NOMINATION_STATUSES, n.status)}</Tag>
                      ),
                  },
                ]}
                expandable={{ expandedRowRender: (n: Nomination) => <p style={{ margin: 0 }}>{n.deeds}</p> }}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('过程', 'History')}>
            <Timeline events={r.events} kinds={SELECTION_EVENT_KINDS} states={SELECTION_STATUSES} />
          </Card>
        </Col>
      </Row>
      {dialog === 'nominate' ? <NominateDialog selection={r} onSaved={saved} onClose={() => setDialog(null)} /> : null}
      {dialog && dialog !== 'nominate' ? (
        <ReviewDialog nomination={dialog} onSaved={saved} onClose={() => setDialog(null)} />
      ) : null}
    </Space>
  );
}
