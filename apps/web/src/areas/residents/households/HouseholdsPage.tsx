/** 住户管理 (`/households`): the households on ListPage; `/households/:id` opens the detail drawer. */
import { Button } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { HOUSEHOLD_TAGS } from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, searchFilter, selectFilter } from '../../../components/list/listParts';
import { residentsBin } from '../common/listParts';
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
    searchFilter(
      t('搜索户主、地址、完整手机号或身份证号', 'Search head, address, full phone or ID number'),
      t('户主 / 地址 / 完整手机号或身份证号', 'Head / address / full phone or ID'),
      { width: 300, testId: 'household-search' },
    ),
    selectFilter('tag', t('户类', 'Tag'), opts(HOUSEHOLD_TAGS), 140),
    selectFilter('poor', t('困难户', 'Poor'), yesNo, 110),
    selectFilter('grouped', t('已入联户组', 'In a group'), yesNo, 130),
    selectFilter('paired', t('已结对', 'Paired'), yesNo, 110),
  ];
  const columns = useHouseholdColumns();

  return (
    <ListPage<Household>
      title={t('住户管理', 'Households')}
      endpoint="/api/households"
      orgScoped
      filters={filters}
      columns={columns}
      scrollX={1100}
      recycle={residentsBin(
        (h) => t(`${h.headName}户`, `${h.headName}'s household`),
        t('住户回收站', 'Households: recycle bin'),
        t('返回住户列表', 'Back to the households'),
        ['household', 'service-stats'],
      )}
      exportPath="/api/households/export"
      actions={
        <>
          <NewButton
            show={hasCap(me, 'residents.write')}
            onClick={() => navigate('/households/new')}
            testId="new-household"
          >
            {t('新增户', 'New household')}
          </NewButton>
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
