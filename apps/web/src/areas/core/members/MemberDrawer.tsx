/** The detail drawer of a member, with the reveal of masked numbers for those allowed. */
import { useState } from 'react';
import { Alert, Button, Descriptions, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EDUCATIONS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { Member, MemberRevealed } from '../../../api/types';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { RecordDrawer, useRevealConfirm } from '../../../components/form/RecordDrawer';

/** The drawer for `/members/:id`; a member outside the scope shows "not found". */
export function MemberDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['member', id],
    queryFn: ({ signal }) => api.get<Member>(`/api/members/${id}`, undefined, signal),
  });
  const [revealed, setRevealed] = useState<MemberRevealed | null>(null);
  usePageCrumb(q.data?.name ?? (q.error ? t('未找到', 'Not found') : null));
  const m = q.data;

  const confirmReveal = useRevealConfirm();
  const reveal = () =>
    confirmReveal(async () => {
      const fields = m?.phone ? ['idNumber', 'phone'] : ['idNumber'];
      setRevealed(await api.post<MemberRevealed>(`/api/members/${id}/reveal`, { fields }));
    });

  return (
    <RecordDrawer
      query={q}
      onClose={onClose}
      size={560}
      title={m ? m.name : t('党员详情', 'Member')}
      edit={hasCap(me, 'members.write') ? `/members/${id}/edit` : undefined}
      testId="member-drawer"
    >
      {(m) => (
        <>
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 130 } }}>
            <Descriptions.Item label={t('姓名', 'Name')}>{m.name}</Descriptions.Item>
            <Descriptions.Item label={t('性别', 'Sex')}>{lbl(GENDERS, m.gender)}</Descriptions.Item>
            <Descriptions.Item label={t('身份证号', 'ID number')}>
              <span data-testid="member-id-number">{revealed?.idNumber ?? m.idNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('手机号', 'Phone')}>
              <span data-testid="member-phone">{revealed?.phone ?? m.phone ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('出生日期', 'Born')}>
              {m.birthDate}（{t(`${m.age} 岁`, `${m.age} years`)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('民族', 'Ethnicity')}>{lbl(ETHNICITIES, m.ethnicity) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('学历', 'Education')}>{lbl(EDUCATIONS, m.education) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('人员类别', 'Category')}>
              {lbl(MEMBER_CATEGORIES, m.category) || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('所在组织', 'Organization')}>{m.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('党员状态', 'Status')}>
              <Tag color={m.status === 'full' ? 'red' : 'orange'}>{lbl(MEMBER_STATUSES, m.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('入党时间', 'Joined')}>{m.joinedAt}</Descriptions.Item>
            <Descriptions.Item label={t('转正时间', 'Full member since')}>{m.fullMemberAt ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('党龄', 'Party years')}>
              {t(`${m.partyYears} 年`, `${m.partyYears} years`)}
            </Descriptions.Item>
          </Descriptions>
          {hasCap(me, 'mobility.read') ? (
            <Link to={`/mobility/members/${id}`} data-testid="member-mobility-link">
              {t('外出流动和失联记录', 'Away and out of contact')}
            </Link>
          ) : null}
          {hasCap(me, 'members.reveal') && !revealed ? (
            <div>
              <Button icon={<EyeOutlined />} onClick={reveal} data-testid="reveal">
                {t('查看完整号码', 'Show full numbers')}
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
                {t('查看操作会记入审计日志。', 'Viewing is recorded in the audit trail.')}
              </Typography.Paragraph>
            </div>
          ) : null}
          {revealed ? (
            <Alert
              type="info"
              showIcon
              title={t('本次查看已记入审计日志。', 'This viewing has been recorded in the audit trail.')}
            />
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('更新于', 'Updated')} {m.updatedAt.slice(0, 10)}
          </Typography.Text>
        </>
      )}
    </RecordDrawer>
  );
}
