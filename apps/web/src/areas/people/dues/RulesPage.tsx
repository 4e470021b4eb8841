/**
 * The dues rules (`/dues/rules`): every version by the month it starts, each category's brackets in a table a
 * secretary reads; the quote box (category + income → the amount and the version used) to check before billing;
 * the county adds a version from a later month (a version already used by bills never changes).
 */
import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DUES_CATEGORIES, type DuesRuleT, type DuesScaleT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import type { ListAnswer } from '../../../api/types';
import { useLabel, useLocale, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { ErrorResult } from '../../../components/States';
import { LoadingCard } from '../../../components/form/recordPage';
import { monthText, yuan } from './money';
import { QuoteCard } from './QuoteCard';
import { RuleFormModal } from './RuleFormModal';

/** A scale in words: "3000元及以下 0.5%" lines, or "每月 0.50 元（可在 0.20–1.00 元之间）". */
export function useScaleText() {
  const t = useT();
  return (s: DuesScaleT): string[] => {
    if (s.kind === 'fixed')
      return [
        s.min === s.max
          ? t(`每月 ${yuan(s.amount)} 元`, `${yuan(s.amount)} 元 a month`)
          : t(
              `每月 ${yuan(s.amount)} 元（支部可在 ${yuan(s.min)}–${yuan(s.max)} 元之间确定）`,
              `${yuan(s.amount)} 元 a month (a branch may set ${yuan(s.min)}–${yuan(s.max)})`,
            ),
      ];
    let from: number | null = null;
    return s.brackets.map((b) => {
      const range =
        b.upTo == null
          ? t(`${from ?? 0} 元以上`, `above ${from ?? 0} 元`)
          : from == null
            ? t(`${b.upTo} 元及以下`, `up to ${b.upTo} 元`)
            : t(`${from}–${b.upTo} 元`, `${from}–${b.upTo} 元`);
      from = b.upTo;
      return t(`月收入 ${range}：按 ${b.percent}% 交纳`, `Monthly income ${range}: ${b.percent}%`);
    });
  };
}

/** The rules page. */
export default function RulesPage() {
  const t = useT();
  const lbl = useLabel();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const scaleText = useScaleText();
  const [adding, setAdding] = useState(false);
  const q = useQuery({
    queryKey: ['dues-rules'],
    queryFn: ({ signal }) => api.get<ListAnswer<DuesRuleT>>('/api/dues/rules', undefined, signal),
  });
  if (q.isPending) return <LoadingCard />;
  if (q.error) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const versions = [...q.data.items].sort((a, b) => b.version - a.version);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('党费标准', 'Dues rules')}
        </Typography.Title>
        {hasCap(me, 'dues.rules') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            style={{ marginLeft: 'auto' }}
            onClick={() => setAdding(true)}
            data-testid="new-rule"
          >
            {t('新增标准版本', 'Add a version')}
          </Button>
        ) : null}
      </div>
      <QuoteCard />
      {versions.map((v) => (
        <Card
          key={v.version}
          data-testid="rule-version"
          title={
            <Space wrap>
              <span>{t(`第 ${v.version} 版`, `Version ${v.version}`)}</span>
              <span className="dj-muted" style={{ fontWeight: 400 }}>
                {v.validTo
                  ? t(
                      `${monthText(v.validFrom, locale)} 至 ${monthText(v.validTo, locale)}`,
                      `${monthText(v.validFrom, locale)} to ${monthText(v.validTo, locale)}`,
                    )
                  : t(`${monthText(v.validFrom, locale)} 起执行`, `from ${monthText(v.validFrom, locale)}`)}
              </span>
              {v.national ? <Tag color="red">{t('全国标准', 'National rules')}</Tag> : null}
              {!v.validTo ? <Tag color="green">{t('现行', 'Current')}</Tag> : null}
            </Space>
          }
          extra={<span className="dj-muted">{t(`已用于 ${v.bills} 张账单`, `${v.bills} bills used it`)}</span>}
        >
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            dataSource={Object.entries(v.scales).map(([category, scale]) => ({ category, scale }))}
            columns={[
              {
                title: t('人员类别', 'Category'),
                dataIndex: 'category',
                width: 180,
                render: (c: string) => lbl(DUES_CATEGORIES, c),
              },
              {
                title: t('交纳标准', 'What is paid'),
                dataIndex: 'scale',
                render: (s: DuesScaleT) => (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {scaleText(s).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          {v.note ? <p style={{ marginTop: 8 }}>{v.note}</p> : null}
        </Card>
      ))}
      {adding && versions[0] ? (
        <RuleFormModal
          latest={versions[0]}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            qc.invalidateQueries({ queryKey: ['dues-rules'] });
          }}
        />
      ) : null}
    </Space>
  );
}
