/** The detail drawer of a household group (`/household-groups/:id`) and the group's rule flags. */
import { Descriptions, Space, Table, Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { GROUP_LEADER_KINDS } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { RecordDrawer } from '../../../components/form/RecordDrawer';
import { HouseholdTags, useResidentsRules } from '../common/ResidentsParts';
import type { HouseholdGroup, HouseholdGroupDetail } from '../common/model';

/** The rule flags of a group: size and poor households within the rules. */
export function GroupFlags({ g }: { g: Pick<HouseholdGroup, 'sizeOk' | 'poorOk'> }) {
  const t = useT();
  const rules = useResidentsRules().data?.rules;
  if (g.sizeOk && g.poorOk) return <Tag color="green">{t('符合要求', 'Within the rules')}</Tag>;
  return (
    <Space size={4} wrap>
      {g.sizeOk ? null : (
        <Tooltip
          title={
            rules
              ? t(
                  `规定 ${rules.groupSizeMin}–${rules.groupSizeMax} 户`,
                  `${rules.groupSizeMin}–${rules.groupSizeMax} households`,
                )
              : undefined
          }
        >
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('户数不符', 'Size off rule')}
          </Tag>
        </Tooltip>
      )}
      {g.poorOk ? null : (
        <Tooltip
          title={
            rules
              ? t(
                  `规定含困难户 ${rules.groupPoorMin}–${rules.groupPoorMax} 户`,
                  `${rules.groupPoorMin}–${rules.groupPoorMax} poor households`,
                )
              : undefined
          }
        >
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('困难户数不符', 'Poor households off rule')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** The drawer of one group: its facts, rule flags and member households. */
export function GroupDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['household-group', id],
    queryFn: ({ signal }) => api.get<HouseholdGroupDetail>(`/api/household-groups/${id}`, undefined, signal),
  });
  const g = q.data;
  usePageCrumb(g?.name ?? (q.error ? t('未找到', 'Not found') : null));
  return (
    <RecordDrawer
      query={q}
      onClose={onClose}
      size={640}
      title={g?.name ?? t('联户组', 'Household group')}
      edit={hasCap(me, 'residents.write') ? `/household-groups/${id}/edit` : undefined}
      testId="group-drawer"
    >
      {(g) => (
        <>
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label={t('村（社区）', 'Village')} span={2}>
              {g.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('联户长', 'Leader')}>
              {g.leaderName} <Tag style={{ marginLeft: 4 }}>{lbl(GROUP_LEADER_KINDS, g.leaderKind)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('联系电话', 'Phone')}>{g.leaderPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('户数 / 困难户', 'Households / poor')}>
              {g.households.length} / {g.poorHouseholds}
            </Descriptions.Item>
            <Descriptions.Item label={t('人口', 'People')}>{g.people}</Descriptions.Item>
            <Descriptions.Item label={t('规则', 'Rules')} span={2}>
              <GroupFlags g={g} />
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={g.households}
            locale={{ emptyText: t('尚无成员户', 'No household yet') }}
            columns={[
              {
                title: t('户主', 'Head'),
                dataIndex: 'headName',
                width: 100,
                render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link>,
              },
              { title: t('住址', 'Address'), dataIndex: 'address' },
              { title: t('户类', 'Tags'), dataIndex: 'tags', render: (v: string[]) => <HouseholdTags tags={v} /> },
              { title: t('人口', 'People'), dataIndex: 'people', width: 60, align: 'right' },
            ]}
          />
        </>
      )}
    </RecordDrawer>
  );
}
