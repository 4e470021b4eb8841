/** A published (or read-only) scheme: its indicator tree and thresholds, and "复制为新年度" (a draft copy for a year). */
import { useState } from 'react';
import { Button, Card, Descriptions, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { INDICATOR_FILLS, RATING_MODES, RATING_SUBJECTS, SCHEME_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { RecycleButton } from '../../supervision/problems/parts';
import { chinaYear, type Indicator, type Scheme, useSourceWords } from './ratingModel';
import { ObjectionDaysNote } from './SchemeMappings';

/** A published (or read-only) scheme: its tree and thresholds, and "复制为新年度". */
export function SchemeView({ s, onChanged }: { s: Scheme; onChanged: () => void }) {
  const t = useT();
  const lbl = useLabel();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const words = useSourceWords();
  const [copying, setCopying] = useState(false);
  type Row = { key: string; group?: string; item?: Indicator };
  const rows: Row[] = s.groups.flatMap((g) => [
    { key: `g:${g.key}`, group: g.name },
    ...g.items.map((i) => ({ key: `i:${i.key}`, item: i })),
  ]);
  const mapping = (i: Indicator) => {
    const m = i.mapping;
    const u = words.unit(i.source);
    if (!m) return '';
    if (m.kind === 'linear')
      return t(
        `${m.fromValue ?? 0}${u} 得 ${m.fromScore ?? 0} 分 → ${m.toValue ?? 100}${u} 得 ${m.toScore ?? i.maxScore} 分`,
        `${m.fromValue ?? 0}${u} → ${m.fromScore ?? 0} pt, ${m.toValue ?? 100}${u} → ${m.toScore ?? i.maxScore} pt`,
      );
    return (m.steps ?? []).map((x) => `≥${x.min}${u}: ${x.score}`).join('；');
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }} data-testid="scheme-title">
            {s.year} {s.name}
          </Typography.Title>
          <Tag color={s.status === 'published' ? 'green' : undefined} data-testid="scheme-status">
            {lbl(SCHEME_STATUSES, s.status)}
          </Tag>
          {s.deletedAt ? <Tag color="red">{t('已删除', 'Deleted')}</Tag> : null}
          <div style={{ marginLeft: 'auto' }}>
            <Space wrap>
              {hasCap(me, 'ratings.schemes') && s.status === 'published' ? (
                <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="copy-year">
                  {t('复制为新年度', 'Copy to a new year')}
                </Button>
              ) : null}
              {s.deletedAt ? (
                <RecycleButton
                  path={`/api/ratings/schemes/${s.id}`}
                  capability="ratings.schemes"
                  deleted
                  confirm=""
                  onChanged={onChanged}
                />
              ) : null}
              <Button onClick={() => navigate(`/ratings?scheme=${s.id}`)}>{t('查看评定结果', 'Its results')}</Button>
            </Space>
          </div>
        </div>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('考评对象', 'Subject')}>{lbl(RATING_SUBJECTS, s.subject)}</Descriptions.Item>
          <Descriptions.Item label={t('评定方式', 'Mode')}>{lbl(RATING_MODES, s.mode)}</Descriptions.Item>
          <Descriptions.Item label={t('指标', 'Indicators')}>
            {t(`${s.indicatorCount} 项，共 ${s.totalScore} 分`, `${s.indicatorCount}, ${s.totalScore} points`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('制定单位', 'Defined by')}>{s.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('版本', 'Version')}>{t(`第 ${s.version} 版`, `v${s.version}`)}</Descriptions.Item>
          <Descriptions.Item label={t('评定结果', 'Results')}>{s.resultCount}</Descriptions.Item>
          {s.description ? (
            <Descriptions.Item label={t('方案说明', 'Description')} span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{s.description}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('指标体系', 'Indicator tree')}>
        <Table<Row>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 800 }}
          rowClassName={(r) => (r.group ? 'rt-sheet-group' : '')}
          columns={[
            {
              title: t('指标', 'Indicator'),
              key: 'name',
              onCell: (r) => ({ colSpan: r.group ? 4 : 1 }),
              render: (_: unknown, r) => r.group ?? r.item!.name,
            },
            {
              title: t('分值', 'Max'),
              key: 'max',
              width: 70,
              onCell: (r) => ({ colSpan: r.group ? 0 : 1 }),
              render: (_: unknown, r) => r.item?.maxScore,
            },
            {
              title: t('填报方式', 'Filled by'),
              key: 'fill',
              width: 260,
              onCell: (r) => ({ colSpan: r.group ? 0 : 1 }),
              render: (_: unknown, r) =>
                r.item ? (
                  <div>
                    <Tag>{lbl(INDICATOR_FILLS, r.item.fill)}</Tag>
                    {r.item.fill === 'record' ? (
                      <div className="dj-muted rt-auto-src">
                        {words.name(r.item.source)}
                        <br />
                        {mapping(r.item)}
                      </div>
                    ) : null}
                  </div>
                ) : null,
            },
            {
              title: t('佐证材料', 'Evidence'),
              key: 'evidence',
              width: 200,
              onCell: (r) => ({ colSpan: r.group ? 0 : 1 }),
              render: (_: unknown, r) => r.item?.evidence || '—',
            },
          ]}
        />
      </Card>
      <Card title={s.mode === 'items' ? t('评星方式', 'Stars') : t('评星标准', 'Star thresholds')}>
        {s.mode === 'items' ? (
          t('每项指标达标得一星，最多十星。', 'One star per indicator met, up to ten.')
        ) : (
          <Space wrap data-testid="thresholds-view">
            {[...s.thresholds]
              .sort((a, b) => b.level - a.level)
              .map((th) => (
                <Tag key={th.level}>
                  {s.mode === 'grade'
                    ? t(`第${th.level}等 ≥ ${th.minScore} 分`, `Level ${th.level} ≥ ${th.minScore}`)
                    : t(`${'★'.repeat(th.level)} ≥ ${th.minScore} 分`, `${th.level}★ ≥ ${th.minScore}`)}
                </Tag>
              ))}
          </Space>
        )}
        <ObjectionDaysNote />
      </Card>
      {copying ? (
        <FormModal<Scheme>
          title={t('复制为新年度', 'Copy to a new year')}
          okText={t('复制', 'Copy')}
          initialValues={{ year: Math.max(chinaYear(), s.year + 1) }}
          onClose={() => setCopying(false)}
          onSubmit={(v) => api.post<Scheme>(`/api/ratings/schemes/${s.id}/versions`, v)}
          onSaved={(n) => {
            setCopying(false);
            navigate(`/ratings/schemes/${n.id}`);
          }}
          fieldOfCode={{ 'ratings.duplicate_scheme': 'year' }}
          notice={t(
            '新方案为草稿，可修改后发布；本方案及其评定结果不变。',
            'The copy is a draft to edit; this scheme and its results stay as they are.',
          )}
        >
          <Form.Item
            name="year"
            label={t('年度', 'Year')}
            rules={[{ required: true, message: t('请填写年度', 'Enter the year') }]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="copy-year-input" />
          </Form.Item>
        </FormModal>
      ) : null}
    </Space>
  );
}
