/**
 * 换届分析 (`/elections`): the election analytics of an organization's subtree and a term, computed by the server
 * from the posts: 一肩挑, 交叉任职, the average age and its change from the previous term, 高中及以上, women, the
 * "four kinds" and the share of people new this term, each against its target (the `elections` rules); the same per
 * child organization as a chart and a table; and the Excel export of the same. The organization and the term live
 * in the URL (`?org=&term=`), so a link opens the same figures.
 */
import { lazy, Suspense, useMemo } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { CADRE_EDUCATIONS, CADRE_KINDS } from '@dangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { useScope } from '../../../app/scope';
import { useMe } from '../../../app/session';
import { FigureHeading, Loaded, useFigureQuery } from '../../../components/Figures';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { type ElectionAnalytics, type ElectionRow, latestTerm, pct, termOptions } from './cadreModel';

const Chart = lazy(() => import('../../../components/Chart').then((m) => ({ default: m.Chart })));

type Flag = ElectionAnalytics['flags'][number];

/** A number card with a line under it (the count behind a share, the target, the change). */
function Figure(props: { title: string; value: string; sub?: string; flag?: Flag; testId: string }) {
  const t = useT();
  const missed = props.flag?.met === false;
  return (
    <div className="dj-card dj-stat-card" data-testid={props.testId}>
      <div className="dj-stat-title">{props.title}</div>
      <div className="dj-stat-value" style={missed ? { color: '#b3141f' } : undefined}>
        {props.value}
      </div>
      {props.sub ? <div className="dj-muted">{props.sub}</div> : null}
      {props.flag ? (
        <div className="dj-muted">
          {props.flag.key === 'averageAgeMax'
            ? t(`目标 ≤ ${props.flag.target} 岁`, `Target ≤ ${props.flag.target}`)
            : t(`目标 ≥ ${props.flag.target}%`, `Target ≥ ${props.flag.target}%`)}
          {props.flag.met == null ? null : props.flag.met ? (
            <Tag color="green" style={{ marginLeft: 6 }}>
              {t('达标', 'Met')}
            </Tag>
          ) : (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('未达标', 'Not met')}
            </Tag>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** The analytics page. */
export default function ElectionsPage() {
  const t = useT();
  const lbl = useLabel();
  const { data: me } = useMe();
  const scope = useScope();
  const [params, setParams] = useSearchParams();
  const org = Number(params.get('org')) || scope.org?.id || me?.orgId || undefined;
  const term = Number(params.get('term')) || latestTerm();
  const query = { org, term };
  const q = useFigureQuery<ElectionAnalytics>('elections', '/api/elections/analytics', query);
  const set = (next: { org?: number; term?: number }) => {
    const p = { org: next.org ?? org, term: next.term ?? term };
    setParams(
      Object.fromEntries(
        Object.entries(p)
          .filter(([, v]) => v)
          .map(([k, v]) => [k, String(v)]),
      ),
    );
  };
  const known = useQuery({
    queryKey: ['elections-terms'],
    queryFn: ({ signal }) => api.get<{ items: number[] }>('/api/elections/terms', undefined, signal),
  });
  // The terms with posts, and the latest election's even before its posts are entered.
  const terms = [...new Set([latestTerm(), term, ...(known.data?.items ?? termOptions(latestTerm()))])].sort(
    (x, y) => y - x,
  );
  const a = q.data;
  const flag = (key: Flag['key']) => a?.flags.find((f) => f.key === key);
  const option = useMemo(() => {
    const rows = a?.rows ?? [];
    const share = (v: number | null) => (v == null ? 0 : Math.round(v * 1000) / 10);
    return {
      xAxis: { type: 'category', data: rows.map((r) => r.orgName) },
      yAxis: { type: 'value', max: 100 },
      series: [
        {
          type: 'bar',
          name: t('一肩挑', 'One shoulder'),
          barMaxWidth: 14,
          data: rows.map((r) => share(r.oneShoulderShare)),
        },
        { type: 'bar', name: t('交叉任职', 'Cross'), barMaxWidth: 14, data: rows.map((r) => share(r.crossShare)) },
        {
          type: 'bar',
          name: t('四类人员', 'Four kinds'),
          barMaxWidth: 14,
          data: rows.map((r) => share(r.anyKindShare)),
        },
        {
          type: 'bar',
          name: t('高中及以上', 'High school+'),
          barMaxWidth: 14,
          data: rows.map((r) => share(r.highSchoolUpShare)),
        },
      ],
    };
  }, [a, t]);
  const age = (v: number | null) => (v == null ? '—' : t(`${v.toFixed(1)} 岁`, `${v.toFixed(1)}`));
  const change = (v: number | null) =>
    v == null
      ? null
      : v === 0
        ? t('与上届持平', 'As the last term')
        : t(
            `较上届${v < 0 ? '下降' : '上升'} ${Math.abs(v).toFixed(1)} 岁`,
            `${v > 0 ? '+' : ''}${v.toFixed(1)} on the last term`,
          );
  const shareCol = (title: string, key: keyof ElectionRow, count: keyof ElectionRow, width = 110) => ({
    title,
    dataIndex: key,
    width,
    align: 'right' as const,
    render: (v: number | null, r: ElectionRow) => (
      <span>
        {pct(v)}
        <span className="dj-muted">（{String(r[count])}）</span>
      </span>
    ),
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <FigureHeading
          title={t('换届分析', 'Election analytics')}
          extra={
            a ? (
              <span className="dj-muted">{t(`${a.orgName} · ${a.term}年换届`, `${a.orgName} · ${a.term}`)}</span>
            ) : null
          }
          actions={
            <Space style={{ marginLeft: 'auto' }} wrap>
              <OrgTreeSelect
                value={org ?? null}
                valueLabel={a?.orgName ?? scope.org?.name ?? me?.orgName ?? undefined}
                onChange={(id) => set({ org: id ?? undefined })}
                ariaLabel={t('党组织', 'Organization')}
                placeholder={t('党组织', 'Organization')}
                style={{ width: 220 }}
              />
              <Select
                value={term}
                style={{ width: 130 }}
                aria-label={t('届次', 'Term')}
                data-testid="elections-term"
                options={terms.map((y) => ({ value: y, label: t(`${y}年换届`, `${y} term`) }))}
                onChange={(v) => set({ term: v })}
              />
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/elections/analytics/export', query)}
                download
                data-testid="elections-export"
              >
                {t('导出 Excel', 'Export to Excel')}
              </Button>
            </Space>
          }
        />
        <Loaded q={q}>
          {(d) =>
            d.people ? (
              <div className="dj-grid-stats" data-testid="elections-stats">
                <Figure
                  testId="stat-one-shoulder"
                  title={t('“一肩挑”比例', 'One shoulder')}
                  value={pct(d.oneShoulderShare)}
                  sub={t(`${d.oneShoulder} / ${d.villages} 个村（社区）`, `${d.oneShoulder} of ${d.villages} villages`)}
                  flag={flag('oneShoulderTargetPct')}
                />
                <Figure
                  testId="stat-cross"
                  title={t('“两委”交叉任职', 'Cross-membership')}
                  value={pct(d.crossShare)}
                  sub={t(`${d.cross} / ${d.villagersPeople} 名村（居）委成员`, `${d.cross} of ${d.villagersPeople}`)}
                  flag={flag('crossTargetPct')}
                />
                <Figure
                  testId="stat-age"
                  title={t('平均年龄', 'Average age')}
                  value={age(d.averageAge)}
                  sub={change(d.ageChange) ?? t('无上届数据可比', 'No previous term to compare')}
                  flag={flag('averageAgeMax')}
                />
                <Figure
                  testId="stat-high-school"
                  title={t('高中及以上学历', 'High school or more')}
                  value={pct(d.highSchoolUpShare)}
                  sub={t(`${d.highSchoolUp} 人`, `${d.highSchoolUp} people`)}
                  flag={flag('highSchoolTargetPct')}
                />
                <Figure
                  testId="stat-women"
                  title={t('女性', 'Women')}
                  value={pct(d.womenShare)}
                  sub={t(`${d.women} 人`, `${d.women} people`)}
                  flag={flag('womenTargetPct')}
                />
                <Figure
                  testId="stat-four-kinds"
                  title={t('“四类人员”', 'Four kinds')}
                  value={pct(d.anyKindShare)}
                  sub={t(`${d.anyKind} 人`, `${d.anyKind} people`)}
                  flag={flag('fourKindsTargetPct')}
                />
                <Figure
                  testId="stat-new"
                  title={t('新任比例', 'New this term')}
                  value={pct(d.turnoverShare)}
                  sub={
                    d.previousTerm
                      ? t(`${d.newPeople} 人上届未任职`, `${d.newPeople} held no post in ${d.previousTerm}`)
                      : t('无上届数据可比', 'No previous term to compare')
                  }
                />
                <Figure
                  testId="stat-people"
                  title={t('“两委”成员', 'People')}
                  value={t(`${d.people} 人`, String(d.people))}
                  sub={t(`${d.posts} 个职务，${d.villages} 个村（社区）`, `${d.posts} posts, ${d.villages} villages`)}
                />
              </div>
            ) : (
              <p className="dj-empty" data-testid="elections-empty">
                {t(
                  `${d.orgName}${d.term}年换届尚无任职记录：请先在“村两委成员”中录入本届职务。`,
                  `No post recorded for ${d.orgName} in the ${d.term} term yet.`,
                )}
              </p>
            )
          }
        </Loaded>
      </Card>
      {a && a.people ? (
        <>
          <Card title={t('学历和“四类人员”', 'Education and the four kinds')}>
            <Space size={[8, 8]} wrap data-testid="elections-breakdown">
              {a.education.map((e) => (
                <Tag key={e.education ?? 'none'}>
                  {e.education ? lbl(CADRE_EDUCATIONS, e.education) : t('未填学历', 'Not given')} {e.count}
                </Tag>
              ))}
              {a.kinds.map((k) => (
                <Tag key={k.kind} color="gold">
                  {lbl(CADRE_KINDS, k.kind)} {k.count}（{pct(k.share)}）
                </Tag>
              ))}
            </Space>
          </Card>
          <Card title={t('下级组织对比', 'By organization below')}>
            {a.rows.length > 1 ? (
              <>
                {/* The chart draws no legend (the shared Chart loads no legend component): */}
                {/* the palette's first four. */}
                <Space size={16} wrap className="dj-muted" data-testid="elections-legend">
                  {[
                    ['#b3141f', t('一肩挑', 'One shoulder')],
                    ['#d4880f', t('交叉任职', 'Cross')],
                    ['#1f6fb2', t('四类人员', 'Four kinds')],
                    ['#389e0d', t('高中及以上', 'High school+')],
                  ].map(([color, name]) => (
                    <span key={name}>
                      <span
                        aria-hidden
                        style={{ display: 'inline-block', width: 10, height: 10, background: color, marginRight: 4 }}
                      />
                      {name}（%）
                    </span>
                  ))}
                </Space>
                <Suspense fallback={<div className="dj-chart-placeholder" aria-hidden />}>
                  <Chart
                    height={300}
                    option={option}
                    label={a.rows
                      .map(
                        (r) =>
                          `${r.orgName}: ${pct(r.oneShoulderShare)} / ${pct(r.crossShare)} / ${pct(r.anyKindShare)}`,
                      )
                      .join('; ')}
                  />
                </Suspense>
              </>
            ) : null}
            <Table<ElectionRow>
              size="small"
              rowKey="orgId"
              dataSource={a.rows}
              data-testid="elections-rows"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 1200 }}
              locale={{ emptyText: t('没有下级组织', 'No organization below') }}
              columns={[
                {
                  title: t('党组织', 'Organization'),
                  dataIndex: 'orgName',
                  fixed: 'left' as const,
                  width: 170,
                  render: (v: string, r) => (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => set({ org: r.orgId })}>
                      {v}
                    </Button>
                  ),
                },
                { title: t('村（社区）', 'Villages'), dataIndex: 'villages', width: 90, align: 'right' as const },
                { title: t('成员', 'People'), dataIndex: 'people', width: 70, align: 'right' as const },
                shareCol(t('一肩挑', 'One shoulder'), 'oneShoulderShare', 'oneShoulder'),
                shareCol(t('交叉任职', 'Cross'), 'crossShare', 'cross'),
                {
                  title: t('平均年龄', 'Average age'),
                  dataIndex: 'averageAge',
                  width: 130,
                  align: 'right' as const,
                  render: (v: number | null, r) => (
                    <span>
                      {v == null ? '—' : v.toFixed(1)}
                      {r.ageChange == null ? null : (
                        <span className="dj-muted">
                          （{r.ageChange > 0 ? '+' : ''}
                          {r.ageChange.toFixed(1)}）
                        </span>
                      )}
                    </span>
                  ),
                },
                shareCol(t('高中及以上', 'High school+'), 'highSchoolUpShare', 'highSchoolUp'),
                shareCol(t('女性', 'Women'), 'womenShare', 'women', 100),
                shareCol(t('四类人员', 'Four kinds'), 'anyKindShare', 'anyKind'),
                shareCol(t('新任比例', 'New'), 'turnoverShare', 'newPeople', 100),
              ]}
            />
          </Card>
        </>
      ) : null}
    </Space>
  );
}
