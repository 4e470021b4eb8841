/** The marked organizations of a year (the interview list, 约谈名单), undone ones on request. */
import { useState } from 'react';
import { Button, Checkbox, Space, Table, Tag } from 'antd';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { Loaded, useFigureQuery } from '../../../components/Figures';
import { chinaDateTime } from '../../../components/Timeline';
import type { MarkT } from './planModel';
import { UndoModal } from './SupervisionTab';

/** The marks of a year in the subtree. */
export function MarksTab({ org, year }: { org: number | undefined; year: number }) {
  const t = useT();
  const { data: me } = useMe();
  const [undone, setUndone] = useState(false);
  const [undoing, setUndoing] = useState<MarkT | null>(null);
  const q = useFigureQuery<{ items: MarkT[]; total: number }>('development-marks', '/api/development/plans/marks', {
    org,
    year,
    undone: undone ? 'true' : undefined,
    pageSize: 500,
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Checkbox checked={undone} onChange={(e) => setUndone(e.target.checked)}>
        {t('含已撤销的标记', 'Include undone marks')}
      </Checkbox>
      <Loaded q={q}>
        {(m) => (
          <Table<MarkT>
            rowKey="id"
            size="middle"
            dataSource={m.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="marks-table"
            locale={{ emptyText: t('本年度没有被标记的组织', 'No organization marked this year') }}
            columns={[
              { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
              {
                title: t('约谈对象（书记）', 'Called in (secretary)'),
                dataIndex: 'secretaryName',
                render: (v: string | null) => v ?? t('未设书记', 'No secretary on record'),
              },
              { title: t('理由', 'Reason'), dataIndex: 'reason' },
              { title: t('标记人', 'Marked by'), dataIndex: 'markedBy', width: 110 },
              {
                title: t('标记时间', 'Marked at'),
                dataIndex: 'createdAt',
                width: 150,
                render: (v: string) => chinaDateTime(v),
              },
              {
                title: t('状态', 'State'),
                key: 'state',
                width: 220,
                render: (_: unknown, r) =>
                  r.undoneAt ? (
                    <Tag>{t(`已撤销：${r.undoReason ?? ''}`, `Undone: ${r.undoReason ?? ''}`)}</Tag>
                  ) : hasCap(me, 'development.plan') ? (
                    <Button size="small" onClick={() => setUndoing(r)}>
                      {t('撤销标记', 'Undo the mark')}
                    </Button>
                  ) : (
                    <Tag color="red">{t('已取消评优资格', 'Award eligibility lost')}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Loaded>
      {undoing ? <UndoModal mark={undoing} onClose={() => setUndoing(null)} /> : null}
    </Space>
  );
}
