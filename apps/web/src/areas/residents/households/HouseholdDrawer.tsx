/**
 * The detail drawer of a household: residents with masked numbers (reveal for those allowed), pairings, recent visits.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, FormOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { GENDERS, RESIDENT_RELATIONS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { RecordDrawer, useRevealConfirm } from '../../../components/form/RecordDrawer';
import { HouseholdTags } from '../common/ResidentsParts';
import type { HouseholdDetail, Resident } from '../common/model';

type Revealed = { idNumber?: string | null; phone?: string | null };

/** The drawer for `/households/:id`; a household outside the scope shows "not found". */
export function HouseholdDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const confirmReveal = useRevealConfirm();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['household', id],
    queryFn: ({ signal }) => api.get<HouseholdDetail>(`/api/households/${id}`, undefined, signal),
  });
  const [revealed, setRevealed] = useState<Record<string, Revealed>>({});
  const h = q.data;
  usePageCrumb(h ? t(`${h.headName}户`, `${h.headName}'s household`) : q.error ? t('未找到', 'Not found') : null);
  const canReveal = hasCap(me, 'residents.reveal');

  /** Asks first: every viewing of full numbers is recorded in the audit trail. */
  function reveal(key: string, path: string, fields: string[], whose: string) {
    confirmReveal(async () => {
      const r = await api.post<Revealed>(path, { fields });
      setRevealed((prev) => ({ ...prev, [key]: r }));
    }, whose);
  }

  const anyRevealed = Object.keys(revealed).length > 0;
  return (
    <RecordDrawer
      query={q}
      onClose={onClose}
      size={720}
      title={h ? t(`${h.headName}户`, `${h.headName}'s household`) : t('户详情', 'Household')}
      edit={hasCap(me, 'residents.write') ? `/households/${id}/edit` : undefined}
      actions={
        hasCap(me, 'residents.write') ? (
          <Button icon={<FormOutlined />} onClick={() => navigate(`/visits/new?household=${id}`)}>
            {t('登记走访', 'Record a visit')}
          </Button>
        ) : null
      }
      testId="household-drawer"
    >
      {(h) => (
        <>
          <Descriptions column={2} bordered size="small" styles={{ label: { width: 110 } }}>
            <Descriptions.Item label={t('户主', 'Head')}>{h.headName}</Descriptions.Item>
            <Descriptions.Item label={t('村（社区）', 'Village')}>{h.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('住址', 'Address')} span={2}>
              {h.address}
            </Descriptions.Item>
            <Descriptions.Item label={t('联系电话', 'Phone')}>
              <span data-testid="household-phone">{revealed.household?.phone ?? h.phone ?? '—'}</span>
              {canReveal && h.phone && !revealed.household ? (
                <Tooltip title={t('查看完整号码', 'Show the full number')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<EyeOutlined />}
                    aria-label={t('查看完整联系电话', 'Show the full contact phone')}
                    onClick={() => reveal('household', `/api/households/${id}/reveal`, ['phone'], h.headName)}
                  />
                </Tooltip>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('人口', 'People')}>{h.people}</Descriptions.Item>
            <Descriptions.Item label={t('户类', 'Tags')} span={2}>
              <HouseholdTags tags={h.tags} />
            </Descriptions.Item>
            <Descriptions.Item label={t('联户组', 'Group')}>
              {h.groupId ? <Link to={`/household-groups/${h.groupId}`}>{h.groupName}</Link> : t('未入组', 'None')}
            </Descriptions.Item>
            <Descriptions.Item label={t('诉求', 'Requests')}>
              {t(`${h.requestCount} 件`, `${h.requestCount}`)}
            </Descriptions.Item>
            {h.note ? (
              <Descriptions.Item label={t('备注', 'Note')} span={2}>
                {h.note}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Section
            title={t('家庭成员', 'Residents')}
            heading={t(`家庭成员（${h.residents.length}）`, `Residents (${h.residents.length})`)}
          >
            <Table<Resident>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={h.residents}
              data-testid="residents"
              scroll={{ x: 620 }}
              locale={{ emptyText: t('尚未登记家庭成员', 'No resident recorded yet') }}
              columns={[
                { title: t('姓名', 'Name'), dataIndex: 'name', width: 90 },
                {
                  title: t('关系', 'Relation'),
                  dataIndex: 'relation',
                  width: 80,
                  render: (v: string) => lbl(RESIDENT_RELATIONS, v),
                },
                {
                  title: t('性别', 'Sex'),
                  dataIndex: 'gender',
                  width: 60,
                  render: (v: string | null) => lbl(GENDERS, v) || '—',
                },
                {
                  title: t('出生日期', 'Born'),
                  dataIndex: 'birthDate',
                  width: 100,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('身份证号', 'ID number'),
                  dataIndex: 'idNumber',
                  width: 170,
                  render: (v: string | null, r) => (
                    <span style={{ fontFamily: 'monospace' }}>{revealed[`r${r.id}`]?.idNumber ?? v ?? '—'}</span>
                  ),
                },
                {
                  title: t('手机号', 'Phone'),
                  dataIndex: 'phone',
                  width: 120,
                  render: (v: string | null, r) => revealed[`r${r.id}`]?.phone ?? v ?? '—',
                },
                ...(canReveal
                  ? [
                      {
                        title: '',
                        width: 44,
                        render: (_: unknown, r: Resident) =>
                          (r.idNumber || r.phone) && !revealed[`r${r.id}`] ? (
                            <Tooltip title={t('查看完整号码', 'Show full numbers')}>
                              <Button
                                size="small"
                                type="text"
                                icon={<EyeOutlined />}
                                aria-label={t(`查看 ${r.name} 的完整号码`, `Show ${r.name}'s full numbers`)}
                                data-testid="reveal-resident"
                                onClick={() =>
                                  reveal(
                                    `r${r.id}`,
                                    `/api/residents/${r.id}/reveal`,
                                    [...(r.idNumber ? ['idNumber'] : []), ...(r.phone ? ['phone'] : [])],
                                    r.name,
                                  )
                                }
                              />
                            </Tooltip>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
            {canReveal && !anyRevealed ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
                {t(
                  '点击眼睛图标查看完整号码；查看操作会记入审计日志。',
                  'The eye icon shows full numbers; viewing is recorded in the audit trail.',
                )}
              </Typography.Paragraph>
            ) : null}
            {anyRevealed ? (
              <Alert
                style={{ marginTop: 8 }}
                type="info"
                showIcon
                title={t('本次查看已记入审计日志。', 'This viewing has been recorded in the audit trail.')}
              />
            ) : null}
          </Section>
          <Section title={t('结对帮扶', 'Pairings')}>
            {h.pairings.length === 0 ? (
              <Muted>
                {h.isPoor ? (
                  <>
                    {t('困难户尚未结对。', 'This poor household has no paired cadre.')}{' '}
                    {hasCap(me, 'residents.write') ? (
                      <Link to={`/pairings?new=1&household=${h.id}`}>{t('去结对', 'Pair it')}</Link>
                    ) : null}
                  </>
                ) : (
                  t('无', 'None')
                )}
              </Muted>
            ) : (
              <ul className="dj-list">
                {h.pairings.map((p) => (
                  <li key={p.id}>
                    <span>
                      {p.cadreName} <span className="dj-muted">{p.cadreOrgName}</span>
                    </span>
                    <span className="dj-muted">
                      {p.startedOn} — {p.endedOn ?? t('至今', 'now')}
                    </span>
                    {p.endedOn ? <Tag>{t('已结束', 'Ended')}</Tag> : <Tag color="green">{t('帮扶中', 'Active')}</Tag>}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('最近走访', 'Recent visits')}>
            {h.recentVisits.length === 0 ? (
              <Muted>{t('尚无走访记录', 'No visit yet')}</Muted>
            ) : (
              <ul className="dj-list">
                {h.recentVisits.map((v) => (
                  <li key={v.id}>
                    <span style={{ whiteSpace: 'nowrap' }}>{v.visitedOn}</span>
                    <span style={{ whiteSpace: 'nowrap' }}>{v.visitorName}</span>
                    <span
                      className="dj-muted"
                      style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                    >
                      {v.found}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Link to={`/visits?q=${encodeURIComponent(h.headName)}`}>{t('全部走访记录', 'All visits')}</Link>
          </Section>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('更新于', 'Updated')} {h.updatedAt.slice(0, 10)}
          </Typography.Text>
        </>
      )}
    </RecordDrawer>
  );
}

/** A titled section of the drawer. */
function Section({ title, heading, children }: { title: string; heading?: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {heading ?? title}
      </Typography.Title>
      {children}
    </section>
  );
}

/** The grey line of an empty section. */
function Muted({ children }: { children: ReactNode }) {
  return (
    <p className="dj-muted" style={{ margin: 0 }}>
      {children}
    </p>
  );
}
