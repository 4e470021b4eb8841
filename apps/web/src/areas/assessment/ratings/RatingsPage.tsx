/**
 * The results of star ratings (`/ratings`, 星级评定) on ListPage: the results of the caller's subtree by year,
 * scheme, stars, state and outcome, the stars as ★, commended and reminded as tags, the export, the recycle bin of
 * results started by mistake, and "一键计算" that starts and computes the results of every branch of a subtree under
 * a scheme. The same list with a person as subject is the cadres' assessments (`/ratings/cadres`).
 */
import { useState } from 'react';
import { Button, Form, Select, Space, Tag } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  CADRE_GRADES,
  RATING_OUTCOMES,
  RATING_STATUSES,
  type RatingSubject,
  type RatingOutcome,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { ActionModal } from '../../../components/form/ActionModal';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useHomeOrg } from '../../../components/form/OrgField';
import { type ComputeResult, type RatingItem, type SchemeItem, STATUS_COLORS, yearOptions } from './ratingModel';
import { Stars } from './Stars';

/** The colour of an outcome's tag. */
const OUTCOME_COLORS: Record<RatingOutcome, string | undefined> = {
  commended: 'gold',
  reminded: 'volcano',
  none: undefined,
};

/** The schemes of a subject as options (newest year first), for the scheme filter and the compute dialog. */
export function useSchemeOptions(subject: RatingSubject, onlyPublished = false) {
  const q = useQuery({
    queryKey: ['ratings', 'schemes', 'options', subject, onlyPublished],
    queryFn: ({ signal }) =>
      api.get<{ items: SchemeItem[] }>(
        '/api/ratings/schemes',
        { subject, pageSize: 100, status: onlyPublished ? 'published' : undefined },
        signal,
      ),
    staleTime: 60_000,
  });
  const items = q.data?.items ?? [];
  return { items, options: items.map((s) => ({ value: String(s.id), label: `${s.year} ${s.name}` })) };
}

/** The results list of a subject (organizations, or cadres). */
export function RatingList({ subject }: { subject: RatingSubject }) {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const schemes = useSchemeOptions(subject);
  const [computing, setComputing] = useState(false);
  const cadre = subject === 'cadre';
  const starOptions = Array.from({ length: 11 }, (_, i) => ({
    value: String(10 - i),
    label: t(`${10 - i} 星`, `${10 - i} stars`),
  }));
  const filters: ListFilter[] = [
    searchFilter(
      t('搜索', 'Search'),
      cadre ? t('姓名或党组织', 'Name or organization') : t('党组织名称', 'Organization'),
      {
        maxLength: 40,
        testId: 'rating-search',
      },
    ),
    selectFilter('year', t('年度', 'Year'), yearOptions(), 110, 'year-filter'),
    selectFilter('scheme', t('考评方案', 'Scheme'), schemes.options, 220, 'scheme-filter'),
    ...(cadre ? [] : [selectFilter('stars', t('星级', 'Stars'), starOptions, 110, 'stars-filter')]),
    selectFilter('status', t('状态', 'Status'), opts(RATING_STATUSES), 150, 'status-filter'),
    ...(cadre
      ? []
      : [
          selectFilter(
            'outcome',
            t('结果运用', 'Outcome'),
            opts(RATING_OUTCOMES).filter((o) => o.value !== 'none'),
            130,
          ),
        ]),
  ];
  return (
    <ListPage<RatingItem>
      title={cadre ? t('干部考核（“5+1”、年终考评）', 'Assessments of cadres') : t('星级评定', 'Star ratings')}
      endpoint="/api/ratings"
      queryKey="ratings"
      orgScoped
      fixedQuery={{ subject }}
      filters={filters}
      columns={[
        ...(cadre
          ? [
              { title: t('姓名', 'Name'), dataIndex: 'memberName', width: 100, render: (v: string | null) => v ?? '—' },
              { title: t('职务', 'Post'), dataIndex: 'post', width: 130, render: (v: string | null) => v ?? '—' },
            ]
          : []),
        { title: t('党组织', 'Organization'), dataIndex: 'orgName', width: 220 },
        {
          title: t('所属乡镇', 'Township'),
          dataIndex: 'townshipName',
          width: 140,
          render: (v: string | null) => v ?? '—',
        },
        { title: t('年度', 'Year'), dataIndex: 'year', width: 70 },
        { title: t('考评方案', 'Scheme'), dataIndex: 'schemeName', width: 200 },
        {
          title: t('总分', 'Total'),
          dataIndex: 'total',
          width: 80,
          render: (v: number | null) => (v == null ? '—' : v),
        },
        cadre
          ? {
              title: t('等次', 'Grade'),
              dataIndex: 'grade',
              width: 100,
              render: (_: unknown, r: RatingItem) => (r.grade ? lbl(CADRE_GRADES, r.grade) : '—'),
            }
          : {
              title: t('星级', 'Stars'),
              dataIndex: 'stars',
              width: 130,
              render: (_: unknown, r: RatingItem) => <Stars stars={r.stars} max={r.mode === 'items' ? 10 : 5} />,
            },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 190,
          render: (_: unknown, r: RatingItem) => (
            <Space size={4} wrap>
              <Tag color={STATUS_COLORS[r.status]}>{lbl(RATING_STATUSES, r.status)}</Tag>
              {r.outcome !== 'none' ? (
                <Tag color={OUTCOME_COLORS[r.outcome]}>{lbl(RATING_OUTCOMES, r.outcome)}</Tag>
              ) : null}
              {r.openObjections ? (
                <Tag color="red">{t(`异议 ${r.openObjections}`, `${r.openObjections} objections`)}</Tag>
              ) : null}
            </Space>
          ),
        },
      ]}
      scrollX={cadre ? 1300 : 1150}
      onRowClick={(r) => navigate(`/ratings/${r.id}`)}
      recycle={recycleBin('ratings.score', (r: RatingItem) =>
        t(`「${r.memberName ?? r.orgName}」的评定`, `the rating of "${r.memberName ?? r.orgName}"`),
      )}
      exportPath="/api/ratings/export"
      actions={
        hasCap(me, 'ratings.score') ? (
          <Button
            type="primary"
            icon={<CalculatorOutlined />}
            onClick={() => setComputing(true)}
            data-testid="compute-open"
          >
            {cadre ? t('批量启动考核', 'Start assessments') : t('一键计算', 'Compute all')}
          </Button>
        ) : null
      }
      total={{
        testId: 'rating-total',
        text: (n) => (cadre ? t(`共 ${n} 人次`, `${n} assessments`) : t(`共 ${n} 个评定结果`, `${n} results`)),
      }}
      emptyText={
        cadre
          ? t('没有符合条件的干部考核', 'No assessment matches')
          : t('没有符合条件的星级评定结果', 'No rating matches')
      }
    >
      {computing ? <ComputeModal subject={subject} onClose={() => setComputing(false)} /> : null}
    </ListPage>
  );
}

/** "一键计算": starts the missing results of a subtree under a published scheme and computes them all. */
function ComputeModal({ subject, onClose }: { subject: RatingSubject; onClose: () => void }) {
  const t = useT();
  const home = useHomeOrg();
  const schemes = useSchemeOptions(subject, true);
  const [scheme, setScheme] = useState<string | undefined>();
  const [org, setOrg] = useState<number | null>(null);
  const [result, setResult] = useState<ComputeResult | null>(null);
  return (
    <ActionModal
      title={t('一键计算星级', 'Compute the stars of a subtree')}
      okText={t('开始计算', 'Compute')}
      onClose={onClose}
      refresh={['ratings']}
      done={result ? t(`已计算 ${result.computed} 个`, `${result.computed} computed`) : t('已计算', 'Computed')}
      run={async () => {
        if (!scheme) throw new Error(t('请选择考评方案', 'Choose a scheme'));
        const r = await api.post<ComputeResult>('/api/ratings/compute', {}, { scheme, org: org ?? home.id });
        setResult(r);
        return r;
      }}
    >
      <Form layout="vertical">
        <Form.Item label={t('考评方案（已发布）', 'Scheme (published)')} required>
          <Select
            options={schemes.options}
            value={scheme}
            onChange={setScheme}
            placeholder={t('选择方案', 'Choose a scheme')}
            data-testid="compute-scheme"
            notFoundContent={t('还没有已发布的方案', 'No published scheme yet')}
          />
        </Form.Item>
        <Form.Item label={t('范围（党组织）', 'Organizations under')}>
          <OrgTreeSelect
            value={org ?? home.id}
            valueLabel={org ? undefined : home.name}
            onChange={(id) => setOrg(id)}
          />
        </Form.Item>
        <div className="dj-muted">
          {t(
            '为所选范围内每个党支部启动（如尚未启动）并按平台记录计算自动取数指标，已考评的得分不变。',
            'Starts a result for every branch below (where missing) and computes the indicators filled from the ' +
              'records; scores entered stay.',
          )}
        </div>
      </Form>
    </ActionModal>
  );
}

/** The star ratings of organizations. */
export default function RatingsPage() {
  return <RatingList subject="org" />;
}
