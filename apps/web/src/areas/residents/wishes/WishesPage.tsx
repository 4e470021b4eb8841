/** Micro-wishes (微心愿, `/wishes`) on ListPage: filters, posting for a resident, recycle bin. */
import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { WISH_KINDS, WISH_STATUSES } from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import type { WishItem } from '../requests/requestModel';
import { useWishColumns } from './wishColumns';
import { WishModal } from './WishModal';

/** The wishes page. */
export default function WishesPage() {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { org } = useScope();
  const { data: me } = useMe();
  const [adding, setAdding] = useState<number | null>(null);

  const columns = useWishColumns();
  const filters: ListFilter[] = [
    {
      kind: 'search',
      key: 'q',
      label: t('搜索心愿', 'Search wishes'),
      placeholder: t('标题、内容或姓名', 'Title, text or name'),
      maxLength: 40,
    },
    { kind: 'select', key: 'kind', label: t('类型', 'Kind'), width: 120, options: opts(WISH_KINDS) },
    { kind: 'select', key: 'status', label: t('状态', 'Status'), width: 150, options: opts(WISH_STATUSES) },
  ];
  if (me?.memberId) filters.push({ kind: 'check', key: 'mine', label: t('我认领的', 'Claimed by me') });

  return (
    <ListPage<WishItem>
      title={t('微心愿 · 微建议', 'Micro-wishes and suggestions')}
      endpoint="/api/wishes"
      queryKey="wishes"
      orgScoped
      filters={filters}
      columns={columns}
      scrollX={1000}
      onRowClick={(w) => navigate(`/wishes/${w.id}`)}
      recycle={{
        capability: 'residents.write',
        name: (w) => w.title,
        title: t('微心愿回收站', 'Wishes recycle bin'),
        back: t('返回', 'Back'),
      }}
      actions={({ url }) => (
        <>
          <Button href="/m/wishes" target="_blank">
            {t('公开心愿墙', 'Public wall')}
          </Button>
          {hasCap(me, 'residents.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(Number(url.query.org) || me?.orgId || 0)}
              data-testid="new-wish"
            >
              {t('代群众提交', 'Post for a resident')}
            </Button>
          ) : null}
        </>
      )}
      total={{ testId: 'wish-total', text: (n) => t(`共 ${n} 条`, `${n} wishes`) }}
      emptyText={t('没有符合条件的心愿', 'No wish matches')}
    >
      {adding !== null ? (
        <WishModal
          orgId={adding || undefined}
          orgName={org?.name ?? me?.orgName ?? undefined}
          onClose={() => setAdding(null)}
          onSaved={(w) => {
            setAdding(null);
            message.success(t('心愿已提交', 'Wish posted'));
            qc.invalidateQueries({ queryKey: ['wishes'] });
            navigate(`/wishes/${w.id}`);
          }}
        />
      ) : null}
    </ListPage>
  );
}
