/** The member roster: server-side search, filters, sorting and paging; the detail drawer; recycle bin; export. */
import { Button, Tag } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  AGE_BANDS,
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  MOBILITY_STATES,
} from '@dangjian/contracts';
import type { Member } from '../../../api/types';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListColumn, type ListFilter, ListPage } from '../../../components/list/ListPage';
import {
  NewButton,
  recordLinkColumn,
  recycleBin,
  searchFilter,
  selectFilter,
} from '../../../components/list/listParts';
import { MemberDrawer } from './MemberDrawer';

/** The members page (`/members`, `/members/:id` opens the drawer, `?deleted=true` is the recycle bin). */
export default function MembersPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const canWrite = hasCap(me, 'members.write');
  const search = params.toString();

  const filters: ListFilter[] = [
    searchFilter(
      t('搜索姓名、拼音或首字母', 'Search name, pinyin or initials'),
      t('姓名 / 拼音 / 首字母', 'Name / pinyin / initials'),
      { width: 240, testId: 'member-search' },
    ),
    selectFilter('status', t('状态', 'Status'), opts(MEMBER_STATUSES), 130),
    selectFilter('gender', t('性别', 'Sex'), opts(GENDERS), 100),
    selectFilter('ageBand', t('年龄段', 'Age band'), opts(AGE_BANDS), 130),
    selectFilter('mobility', t('流动状态', 'Away or local'), opts(MOBILITY_STATES), 130),
    selectFilter('education', t('学历', 'Education'), opts(EDUCATIONS), 150),
    selectFilter('category', t('人员类别', 'Category'), opts(MEMBER_CATEGORIES), 170),
    selectFilter('ethnicity', t('民族', 'Ethnicity'), opts(ETHNICITIES), 120),
    { kind: 'number', key: 'joinYear', label: t('入党年份', 'Year joined'), min: 1921, max: 2100 },
  ];
  const columns: ListColumn<Member>[] = [
    {
      ...recordLinkColumn<Member>(t('姓名', 'Name'), 'name', (m) => `/members/${m.id}`, search, 'member-link'),
      sorter: true,
    },
    { title: t('性别', 'Sex'), dataIndex: 'gender', width: 70, render: (v: string) => lbl(GENDERS, v) },
    {
      title: t('出生日期', 'Born'),
      dataIndex: 'birthDate',
      sorter: true,
      width: 170,
      render: (v: string, m) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {v}（{t(`${m.age}岁`, `${m.age} y`)}）
        </span>
      ),
    },
    { title: t('所在组织', 'Organization'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 110,
      render: (v: string) => <Tag color={v === 'full' ? 'red' : 'orange'}>{lbl(MEMBER_STATUSES, v)}</Tag>,
    },
    { title: t('学历', 'Education'), dataIndex: 'education', render: (v: string | null) => lbl(EDUCATIONS, v) },
    { title: t('入党时间', 'Joined'), dataIndex: 'joinedAt', sorter: true, width: 120 },
    { title: t('手机号', 'Phone'), dataIndex: 'phone', width: 130 },
  ];

  return (
    <ListPage<Member>
      title={t('党员名册', 'Member roster')}
      endpoint="/api/members"
      orgScoped
      filters={filters}
      columns={columns}
      recycle={recycleBin('members.write', (m: Member) => m.name, {
        invalidate: ['stats'],
        back: t('返回名册', 'Back to the roster'),
        bulk: true,
      })}
      exportPath="/api/members/export"
      exportCapability="members.export"
      actions={
        <>
          <NewButton show={canWrite} onClick={() => navigate('/members/new')}>
            {t('新增党员', 'New member')}
          </NewButton>
          {hasCap(me, 'members.import') ? (
            <Button icon={<ImportOutlined />} onClick={() => navigate('/members/import')}>
              {t('导入', 'Import')}
            </Button>
          ) : null}
        </>
      }
      edit={{ capability: 'members.write', path: (m) => `/members/${m.id}/edit` }}
      total={{ testId: 'member-total', text: (n) => t(`共 ${n} 人`, `${n} in all`) }}
      emptyText={t('没有符合条件的党员', 'No member matches')}
    >
      {id ? <MemberDrawer id={Number(id)} onClose={() => navigate({ pathname: '/members', search })} /> : null}
    </ListPage>
  );
}
