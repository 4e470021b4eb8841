/** The figure learning.progress (`/learning/progress`): items held by the branches below, by item and organization. */
import { useState } from 'react';
import { Button, Card, Select, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { chinaToday, type LearningProgressT } from '@dangjian/contracts';
import { withQuery } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { useScopeOrgId } from '../../../app/scope';
import { FigureHeading, Loaded, StatGrid, useFigureQuery } from '../../../components/Figures';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The progress page. */
export default function LearningProgressPage() {
  const t = useT();
  const org = useScopeOrgId();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState<number | undefined>(undefined);
  const query = { org, year, month };
  const q = useFigureQuery<LearningProgressT>('learning-progress', '/api/learning/progress', query);
  return (
    <>
      <FigureHeading
        title={t('落实情况', 'Progress')}
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              aria-label={t('年度', 'Year')}
              options={[0, 1, 2].map((i) => ({
                value: thisYear - i,
                label: t(`${thisYear - i}年`, String(thisYear - i)),
              }))}
            />
            <Select
              value={month}
              onChange={setMonth}
              allowClear
              placeholder={t('全年', 'Whole year')}
              aria-label={t('月份', 'Month')}
              style={{ width: 100 }}
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t(`${i + 1}月`, String(i + 1)) }))}
            />
          </>
        }
        actions={
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/learning/progress/export', query)}
            download
            style={{ marginLeft: 'auto' }}
          >
            {t('导出 Excel', 'Export to Excel')}
          </Button>
        }
      />
      <Loaded q={q}>
        {(p) => (
          <>
            <StatGrid
              testId="learning-progress-stats"
              items={[
                { testId: 'lp-items', title: t('清单条目', 'Items set'), value: p.itemsSet },
                { testId: 'lp-due', title: t('应落实（次）', 'Due'), value: p.due },
                { testId: 'lp-held', title: t('已落实（次）', 'Held'), value: p.held },
                { testId: 'lp-share', title: t('落实率', 'Held share'), value: pct(p.heldShare) },
                { testId: 'lp-attend', title: t('党员参学率', 'Attendance'), value: pct(p.attendanceShare) },
              ]}
            />
            <Card title={t('各条目', 'By item')} style={{ marginTop: 16 }}>
              <Table
                rowKey="id"
                size="small"
                dataSource={p.items}
                pagination={{ pageSize: 12 }}
                locale={{ emptyText: t('该期间没有学习清单', 'No item in this period') }}
                columns={[
                  {
                    title: t('月份', 'Month'),
                    dataIndex: 'month',
                    width: 80,
                    render: (m: number) => t(`${m}月`, String(m)),
                  },
                  { title: t('学习主题', 'Topic'), dataIndex: 'topic' },
                  { title: t('制定单位', 'Set by'), dataIndex: 'setterName', width: 160 },
                  {
                    title: t('已落实/应落实', 'Held / due'),
                    width: 130,
                    render: (_: unknown, r) => `${r.held} / ${r.due}`,
                  },
                  { title: t('落实率', 'Share'), dataIndex: 'heldShare', width: 90, render: (v: number) => pct(v) },
                ]}
              />
            </Card>
            <Card title={t('各党组织', 'By organization')} style={{ marginTop: 16 }}>
              <Table
                rowKey="orgId"
                size="small"
                pagination={false}
                dataSource={p.rows}
                data-testid="learning-progress-rows"
                locale={{ emptyText: t('没有下级党组织', 'No organization below') }}
                columns={[
                  { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
                  { title: t('应落实', 'Due'), dataIndex: 'due', width: 90 },
                  { title: t('已落实', 'Held'), dataIndex: 'held', width: 90 },
                  { title: t('落实率', 'Share'), dataIndex: 'heldShare', width: 90, render: (v: number) => pct(v) },
                ]}
              />
            </Card>
            <Card
              title={t(`逾期未落实（${p.behind.length}）`, `Behind (${p.behind.length})`)}
              style={{ marginTop: 16 }}
            >
              <Table
                rowKey={(r) => `${r.orgId}-${r.itemId}`}
                size="small"
                dataSource={p.behind}
                pagination={{ pageSize: 10 }}
                locale={{ emptyText: t('没有逾期未落实的支部', 'No branch behind') }}
                columns={[
                  { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
                  {
                    title: t('月份', 'Month'),
                    dataIndex: 'month',
                    width: 80,
                    render: (m: number) => t(`${m}月`, String(m)),
                  },
                  { title: t('学习主题', 'Topic'), dataIndex: 'topic' },
                ]}
              />
            </Card>
          </>
        )}
      </Loaded>
    </>
  );
}
