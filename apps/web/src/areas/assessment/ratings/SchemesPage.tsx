/**
 * The county's rating schemes (`/ratings/schemes`, 考评方案) on ListPage: by year, subject and state, with "新建方案"
 * and "从模板新建" (五化五星, 十星级, 三化四明, 村干部"5+1", 年终考评: a draft copy in the chosen year to edit before
 * it is published), and the recycle bin of drafts made by mistake.
 */
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { RATING_MODES, RATING_SUBJECTS, RATING_TEMPLATES, SCHEME_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useLocale, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { type ListFilter, ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';
import { FormModal } from '../../../components/FormModal';
import { Field } from '../../../components/form/Field';
import { chinaYear, type Scheme, type SchemeItem, type TemplateItem, yearOptions } from './ratingModel';

/** The rating schemes list. */
export default function SchemesPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [copying, setCopying] = useState(false);
  const canWrite = hasCap(me, 'ratings.schemes');
  const filters: ListFilter[] = [
    searchFilter(t('搜索', 'Search'), t('方案名称', 'Scheme name'), { maxLength: 40, testId: 'scheme-search' }),
    selectFilter('year', t('年度', 'Year'), yearOptions(), 110, 'year-filter'),
    selectFilter('subject', t('考评对象', 'Subject'), opts(RATING_SUBJECTS), 170),
    selectFilter('status', t('状态', 'Status'), opts(SCHEME_STATUSES), 110),
  ];
  return (
    <ListPage<SchemeItem>
      title={t('考评方案', 'Rating schemes')}
      endpoint="/api/ratings/schemes"
      queryKey="ratings"
      filters={filters}
      columns={[
        { title: t('年度', 'Year'), dataIndex: 'year', width: 70 },
        {
          title: t('方案名称', 'Scheme'),
          dataIndex: 'name',
          width: 260,
          render: (v: string, r) => (
            <span>
              {v}
              {r.version > 1 ? <span className="dj-muted">{t(` 第${r.version}版`, ` v${r.version}`)}</span> : null}
            </span>
          ),
        },
        {
          title: t('考评对象', 'Subject'),
          dataIndex: 'subject',
          width: 150,
          render: (_: unknown, r) => lbl(RATING_SUBJECTS, r.subject),
        },
        {
          title: t('评定方式', 'Mode'),
          dataIndex: 'mode',
          width: 190,
          render: (_: unknown, r) => lbl(RATING_MODES, r.mode),
        },
        {
          title: t('指标', 'Indicators'),
          dataIndex: 'indicatorCount',
          width: 110,
          render: (n: number, r) => t(`${n} 项 · ${r.totalScore} 分`, `${n} · ${r.totalScore} pts`),
        },
        {
          title: t('状态', 'Status'),
          dataIndex: 'status',
          width: 90,
          render: (_: unknown, r) => (
            <Tag color={r.status === 'published' ? 'green' : undefined}>{lbl(SCHEME_STATUSES, r.status)}</Tag>
          ),
        },
        { title: t('评定结果', 'Results'), dataIndex: 'resultCount', width: 90 },
      ]}
      scrollX={1000}
      onRowClick={(r) => navigate(`/ratings/schemes/${r.id}`)}
      recycle={recycleBin('ratings.schemes', (r: SchemeItem) => t(`方案「${r.name}」`, `scheme "${r.name}"`))}
      actions={
        <Space wrap>
          <NewButton show={canWrite} onClick={() => navigate('/ratings/schemes/new')} testId="new-scheme">
            {t('新建方案', 'New scheme')}
          </NewButton>
          {canWrite ? (
            <Button icon={<CopyOutlined />} onClick={() => setCopying(true)} data-testid="from-template">
              {t('从模板新建', 'From a template')}
            </Button>
          ) : null}
        </Space>
      }
      total={{ testId: 'scheme-total', text: (n) => t(`共 ${n} 个方案`, `${n} schemes`) }}
      emptyText={t('还没有考评方案，可从模板新建', 'No scheme yet: start from a template')}
    >
      {copying ? (
        <TemplateModal onClose={() => setCopying(false)} onSaved={(s) => navigate(`/ratings/schemes/${s.id}`)} />
      ) : null}
    </ListPage>
  );
}

/** The templates shipped as data: from the server when it lists them, else from the contracts. */
function useTemplates(): TemplateItem[] {
  const q = useQuery({
    queryKey: ['ratings', 'templates'],
    queryFn: ({ signal }) => api.get<{ items: TemplateItem[] }>('/api/ratings/templates', undefined, signal),
    staleTime: 300_000,
    retry: false,
  });
  if (q.data?.items.length) return q.data.items;
  return Object.values(RATING_TEMPLATES).map((tp) => ({
    key: tp.key,
    name: tp.name.zh,
    nameEn: tp.name.en,
    subject: tp.subject,
    mode: tp.mode,
    source: tp.source.zh,
    indicatorCount: tp.groups.reduce((n, g) => n + g.items.length, 0),
  }));
}

/** "从模板新建": a template and a year; the copy opens in the editor as a draft. */
function TemplateModal({ onClose, onSaved }: { onClose: () => void; onSaved: (s: Scheme) => void }) {
  const t = useT();
  const lbl = useLabel();
  const { locale } = useLocale();
  const templates = useTemplates();
  return (
    <FormModal<Scheme>
      title={t('从模板新建方案', 'A scheme from a template')}
      okText={t('复制到本年度', 'Copy')}
      initialValues={{ year: chinaYear() }}
      onClose={onClose}
      onSubmit={(v) => api.post<Scheme>('/api/ratings/schemes/from-template', v)}
      onSaved={onSaved}
      fieldOfCode={{ 'ratings.unknown_template': 'template', 'ratings.duplicate_scheme': 'year' }}
    >
      <Form.Item
        name="template"
        label={t('方案模板', 'Template')}
        rules={[{ required: true, message: t('请选择模板', 'Choose a template') }]}
      >
        <Radio.Group style={{ width: '100%' }} data-testid="template-choice">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {templates.map((tp) => (
              <Radio key={tp.key} value={tp.key} data-testid={`template-${tp.key}`}>
                <b>{locale === 'en' ? tp.nameEn : tp.name}</b>{' '}
                <Typography.Text type="secondary">
                  {lbl(RATING_SUBJECTS, tp.subject)} · {lbl(RATING_MODES, tp.mode)} ·{' '}
                  {t(`${tp.indicatorCount} 项指标`, `${tp.indicatorCount} indicators`)}
                </Typography.Text>
                <div className="dj-muted" style={{ fontSize: 12 }}>
                  {tp.source}
                </div>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Field name="name" label={t('方案名称（可不填，默认为模板名称）', 'Name (the template’s when blank)')} max={100}>
        <Input data-testid="template-name" />
      </Field>
      <Form.Item
        name="year"
        label={t('年度', 'Year')}
        rules={[{ required: true, message: t('请填写年度', 'Enter the year') }]}
      >
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="template-year" />
      </Form.Item>
    </FormModal>
  );
}
