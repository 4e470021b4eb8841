/** "Party branch +" industry projects (`/economy/projects`) on ListPage: the project, village, models, money. */
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { PROJECT_INDUSTRIES, PROJECT_MODELS, PROJECT_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { type ProjectItem, STATUS_COLOR, wan } from './projectsModel';

const YEARS = Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() - i));

/** The list of projects. */
export default function ProjectsPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('项目名称或村', 'Project or village'), { maxLength: 40 }),
    selectFilter('model', t('模式', 'Model'), opts(PROJECT_MODELS), 170, 'projects-model-filter'),
    selectFilter('industry', t('产业类别', 'Industry'), opts(PROJECT_INDUSTRIES), 130),
    selectFilter('status', t('状态', 'Status'), opts(PROJECT_STATUSES), 110),
    selectFilter(
      'year',
      t('年度', 'Year'),
      YEARS.map((y) => ({ value: y, label: y })),
      100,
    ),
    {
      kind: 'custom',
      key: 'township',
      label: t('所属乡镇', 'Township'),
      render: (v, set) => (
        <OrgTreeSelect
          value={v ? Number(v) : null}
          onChange={(id) => set(id ? String(id) : null)}
          placeholder={t('所属乡镇', 'Township')}
          ariaLabel={t('所属乡镇', 'Township')}
          allowClear
          style={{ width: 200 }}
        />
      ),
    },
  ];
  return (
    <ListPage<ProjectItem>
      title={t('党支部+产业项目', '"Party branch +" projects')}
      endpoint="/api/economy/projects"
      orgScoped
      filters={filters}
      columns={[
        { title: t('项目名称', 'Project'), dataIndex: 'name', width: 200 },
        { title: t('牵头村', 'Lead village'), dataIndex: 'orgName', width: 160 },
        { title: t('所属乡镇', 'Township'), dataIndex: 'townshipName', width: 120, render: (v) => v ?? '—' },
        {
          title: t('产业', 'Industry'),
          dataIndex: 'industry',
          width: 90,
          render: (_: unknown, r) => r.industryText || lbl(PROJECT_INDUSTRIES, r.industry),
        },
        {
          title: t('模式', 'Models'),
          dataIndex: 'models',
          width: 220,
          render: (_: unknown, r) => r.models.map((m) => lbl(PROJECT_MODELS, m)).join('、'),
        },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 80,
          render: (_: unknown, r) => <Tag color={STATUS_COLOR[r.status]}>{lbl(PROJECT_STATUSES, r.status)}</Tag>,
        },
        {
          title: t('累计投入（万元）', 'Given (万元)'),
          dataIndex: 'givenFen',
          width: 110,
          align: 'right',
          render: (v: number) => wan(v),
        },
        {
          title: t('撬动资金（万元）', 'Leveraged (万元)'),
          dataIndex: 'leveragedFen',
          width: 110,
          align: 'right',
          render: (v: number) => wan(v),
        },
        {
          title: t('联结农户', 'Households'),
          dataIndex: 'latest',
          width: 130,
          render: (_: unknown, r) =>
            r.latest ? (
              <Space size={4}>
                <span>{t(`${r.latest.households} 户`, `${r.latest.households}`)}</span>
                <span className="dj-muted">{r.latest.year}</span>
              </Space>
            ) : (
              '—'
            ),
        },
      ]}
      scrollX={1300}
      onRowClick={(r) => navigate(`/economy/projects/${r.id}`)}
      recycle={recycleBin('projects.write', (r: ProjectItem) => r.name)}
      exportPath="/api/economy/projects/export"
      actions={
        <NewButton
          show={hasCap(me, 'projects.write')}
          onClick={() => navigate('/economy/projects/new')}
          testId="new-project"
        >
          {t('登记产业项目', 'Record a project')}
        </NewButton>
      }
      total={{ testId: 'projects-total', text: (n) => t(`共 ${n} 个项目`, `${n} projects`) }}
      emptyText={t('没有符合条件的产业项目', 'No project matches')}
    />
  );
}
