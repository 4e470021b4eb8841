/** Proxy errands (党员代办, `/errands`, `/errands/:id` opens the drawer) on ListPage: record, steps, recycle bin. */
import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ERRAND_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import type { ErrandItem } from '../requests/requestModel';
import { useErrandColumns } from './errandColumns';
import { ErrandDrawer } from './ErrandDrawer';
import { ErrandModal } from './ErrandModal';

/** The errands page. */
export default function ErrandsPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { org } = useScope();
  const { data: me } = useMe();
  const { id: openId } = useParams();
  const [params] = useSearchParams();
  const [adding, setAdding] = useState<number | null>(null);
  const search = params.toString() ? `?${params.toString()}` : '';
  const open = (e: ErrandItem) => navigate(`/errands/${e.id}${search}`);

  const columns = useErrandColumns(search, open);
  const filters: ListFilter[] = [
    {
      kind: 'search',
      key: 'q',
      label: t('搜索代办', 'Search errands'),
      placeholder: t('事项、群众或卡号', 'Errand, resident or card'),
      maxLength: 40,
    },
    { kind: 'select', key: 'status', label: t('状态', 'Status'), width: 130, options: opts(ERRAND_STATUSES) },
  ];
  if (me?.memberId) filters.push({ kind: 'check', key: 'mine', label: t('我承办的', 'Mine') });

  return (
    <ListPage<ErrandItem>
      title={t('党员代办', 'Proxy errands')}
      endpoint="/api/errands"
      queryKey="errands"
      orgScoped
      filters={filters}
      columns={columns}
      scrollX={900}
      onRowClick={open}
      recycle={{
        capability: 'residents.write',
        name: (e) => e.title,
        title: t('代办回收站', 'Errands recycle bin'),
        back: t('返回', 'Back'),
      }}
      actions={({ url }) =>
        hasCap(me, 'residents.write') || hasCap(me, 'residents.claim') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(Number(url.query.org) || me?.orgId || 0)}
            data-testid="new-errand"
          >
            {t('登记代办', 'Record an errand')}
          </Button>
        ) : null
      }
      total={{ text: (n) => t(`共 ${n} 项`, `${n} errands`) }}
      emptyText={t('没有符合条件的代办事项', 'No errand matches')}
    >
      {adding !== null ? (
        <ErrandModal
          orgId={adding || undefined}
          orgName={org?.name ?? me?.orgName ?? undefined}
          onClose={() => setAdding(null)}
          onSaved={(e) => {
            setAdding(null);
            message.success(t('已登记', 'Recorded'));
            qc.invalidateQueries({ queryKey: ['errands'] });
            navigate(`/errands/${e.id}`);
          }}
        />
      ) : null}
      {openId ? (
        <ErrandDrawer
          id={Number(openId)}
          onClose={() => navigate(`/errands${search}`)}
          onChanged={() => {
            qc.invalidateQueries({ queryKey: ['errands'] });
            qc.invalidateQueries({ queryKey: ['service-stats'] });
          }}
        />
      ) : null}
    </ListPage>
  );
}
