/** 户籍管理 (`/households`): the households on ListPage; `/households/:id` opens the detail drawer. */
import { Button } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { HOUSEHOLD_TAGS } from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { HouseholdDrawer } from './HouseholdDrawer';
import { useYesNo } from '../common/ResidentsParts';
import { useHouseholdColumns } from './householdColumns';
import type { Household } from '../common/model';

/** The households page. */
export default function HouseholdsPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const yesNo = useYesNo();

  const filters: ListFilter[] = [
    {
      kind: 'search',
      key: 'q',
      label: t('搜索户主、地址、完整手机号或身份证号', 'Search head, address, full phone or ID number'),
      placeholder: t('户主 / 地址 / 完整手机号或身份证号', 'Head / address / full phone or ID'),
      width: 300,
      testId: 'household-search',
    },
    { kind: 'select', key: 'tag', label: t('户类', 'Tag'), width: 140, options: opts(HOUSEHOLD_TAGS) },
    { kind: 'select', key: 'poor', label: t('困难户', 'Poor'), width: 110, options: yesNo },
    { kind: 'select', key: 'grouped', label: t('已入联户组', 'In a group'), width: 130, options: yesNo },
    { kind: 'select', key: 'paired', label: t('已结对', 'Paired'), width: 110, options: yesNo },
  ];
  const columns = useHouseholdColumns();

  return (
    <ListPage<Household>
      title={t('户籍管理', 'Households')}
      endpoint="/api/households"
      queryKey="households"
      orgScoped
      filters={filters}
      columns={columns}
      scrollX={1100}
      recycle={{
        capability: 'residents.write',
        name: (h) => t(`${h.headName}户`, `${h.headName}'s household`),
        invalidate: ['household', 'service-stats'],
        title: t('户籍回收站', 'Households: recycle bin'),
        back: t('返回户籍列表', 'Back to the households'),
      }}
      exportPath="/api/households/export"
      actions={
        <>
          {hasCap(me, 'residents.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/households/new')}
              data-testid="new-household"
            >
              {t('新增户', 'New household')}
            </Button>
          ) : null}
          {hasCap(me, 'residents.import') ? (
            <Button icon={<ImportOutlined />} onClick={() => navigate('/households/import')}>
              {t('导入', 'Import')}
            </Button>
          ) : null}
        </>
      }
      edit={{ capability: 'residents.write', path: (h) => `/households/${h.id}/edit` }}
      total={{ testId: 'household-total', text: (n) => t(`共 ${n} 户`, `${n} households`) }}
      emptyText={t('没有符合条件的户', 'No household matches')}
    >
      {id ? (
        <HouseholdDrawer
          id={Number(id)}
          onClose={() => navigate({ pathname: '/households', search: params.toString() })}
        />
      ) : null}
    </ListPage>
  );
}
