/** The columns of the errands list (党员代办): taken, errand, member, status, done. */
import { useT } from '../../../app/i18n';
import type { ListColumn } from '../../../components/list/ListPage';
import { chinaDateTime, type ErrandItem } from '../requests/requestModel';
import { ErrandStatusTag } from '../requests/RequestParts';

/** The columns of the errands list; `search` keeps the list's query in the drawer's link, `open` opens it. */
export function useErrandColumns(search: string, open: (e: ErrandItem) => void): ListColumn<ErrandItem>[] {
  const t = useT();
  return [
    { title: t('承接时间', 'Taken'), dataIndex: 'takenAt', width: 140, render: (v: string) => chinaDateTime(v) },
    {
      title: t('代办事项', 'Errand'),
      dataIndex: 'title',
      render: (v: string, e) => (
        <div style={{ minWidth: 180 }}>
          <a
            href={`/errands/${e.id}${search}`}
            onClick={(ev) => (ev.preventDefault(), ev.stopPropagation(), open(e))}
            data-testid="errand-link"
          >
            {v}
          </a>
          <div className="dj-muted" style={{ fontSize: 13 }}>
            {e.residentName}
            {e.cardNo ? ` · ${t('暖心卡', 'Card')} ${e.cardNo}` : ''}
          </div>
        </div>
      ),
    },
    { title: t('承办党员', 'Member'), key: 'member', width: 180, render: (_, e) => `${e.memberName}（${e.orgName}）` },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => <ErrandStatusTag status={v} />,
    },
    {
      title: t('办结时间', 'Done'),
      dataIndex: 'doneAt',
      width: 140,
      render: (v: string | null) => chinaDateTime(v) || '—',
    },
  ];
}
