/**
 * 村两委成员 (`/cadres`) on ListPage: one row per person with the posts held this term (书记, 主任, 一肩挑),
 * age, education and the "four kinds"; filters by organization, committee, post, term, kind and gender; the
 * recycle bin and the Excel export of the filtered list. No phone or ID number on the list.
 */
import { Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import {
  CADRE_COMMITTEES,
  CADRE_EDUCATIONS,
  CADRE_KINDS,
  CADRE_POST_CODES,
  GENDERS,
  type Labelled,
} from '@dangjian/contracts';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { type CadreItem, isOneShoulder, latestTerm, postColor, shortPost, termOptions } from './cadreModel';

/** The list of the committees' people. */
export default function CadresPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const words = (w: Labelled) => t(w.zh, w.en);
  const terms = termOptions(latestTerm());
  const filters: ListFilter[] = [
    searchFilter(t('姓名', 'Name'), t('输入姓名查找', 'Type a name'), { maxLength: 40, testId: 'cadre-search' }),
    selectFilter(
      'term',
      t('届次', 'Term'),
      terms.map((y) => ({ value: String(y), label: t(`${y}年换届`, `${y} term`) })),
      130,
      'cadre-term',
    ),
    selectFilter('committee', t('班子', 'Committee'), opts(CADRE_COMMITTEES), 190),
    selectFilter('post', t('职务', 'Post'), opts(CADRE_POST_CODES), 170),
    selectFilter('kind', t('四类人员', 'Four kinds'), opts(CADRE_KINDS), 200),
    selectFilter('gender', t('性别', 'Gender'), opts(GENDERS), 90),
  ];
  return (
    <ListPage<CadreItem>
      title={t('村两委成员', 'Village committees')}
      endpoint="/api/cadres"
      orgScoped
      filters={filters}
      columns={[
        {
          title: t('姓名', 'Name'),
          dataIndex: 'name',
          width: 110,
          render: (v: string, r) => (
            <Space size={4}>
              <span>{v}</span>
              {r.gender === 'female' ? <span className="dj-muted">{t('（女）', '(F)')}</span> : null}
            </Space>
          ),
        },
        {
          title: t('党组织', 'Organization'),
          dataIndex: 'orgName',
          width: 200,
          render: (v: string, r) => (
            <>
              {v}
              {r.townshipName ? <div className="dj-muted">{r.townshipName}</div> : null}
            </>
          ),
        },
        {
          title: t('现任职务', 'Posts held'),
          dataIndex: 'currentPosts',
          width: 260,
          render: (_: unknown, r) =>
            r.currentPosts.length ? (
              <Space size={[4, 4]} wrap>
                {isOneShoulder(r.currentPosts) ? <Tag color="red">{t('一肩挑', 'Secretary and director')}</Tag> : null}
                {r.currentPosts
                  .filter((p) => !(isOneShoulder(r.currentPosts) && (p.post === 'secretary' || p.post === 'director')))
                  .map((p) => (
                    <Tag key={`${p.committee}-${p.post}-${p.term}`} color={postColor(p.post)}>
                      {words(shortPost(p.committee, p.post))}
                    </Tag>
                  ))}
              </Space>
            ) : (
              <span className="dj-muted">{t('未任职', 'No post now')}</span>
            ),
        },
        { title: t('年龄', 'Age'), dataIndex: 'age', width: 70, align: 'right' as const },
        {
          title: t('学历', 'Education'),
          dataIndex: 'education',
          width: 130,
          render: (v: string | null) => (v ? lbl(CADRE_EDUCATIONS, v) : '—'),
        },
        {
          title: t('四类人员', 'Four kinds'),
          dataIndex: 'kinds',
          render: (_: unknown, r) =>
            r.kinds.length ? (
              <Space size={[4, 4]} wrap>
                {r.kinds.map((k) => (
                  <Tag key={k} color="gold">
                    {lbl(CADRE_KINDS, k)}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
        },
      ]}
      scrollX={1100}
      onRowClick={(r) => navigate(`/cadres/${r.id}`)}
      recycle={recycleBin('cadres.write', (r: CadreItem) => r.name)}
      exportPath="/api/cadres/export"
      actions={
        <NewButton show={hasCap(me, 'cadres.write')} onClick={() => navigate('/cadres/new')} testId="new-cadre">
          {t('新增村两委成员', 'New committee person')}
        </NewButton>
      }
      total={{ testId: 'cadre-total', text: (n) => t(`共 ${n} 人`, `${n} people`) }}
      emptyText={t('没有符合条件的村两委成员', 'No committee person matches')}
    />
  );
}
