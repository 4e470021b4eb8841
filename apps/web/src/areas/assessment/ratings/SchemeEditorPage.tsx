/**
 * The scheme editor (`/ratings/schemes/new`, `/ratings/schemes/:id`): the indicator tree (groups of items with their
 * max scores; how each is filled — from the records through a figure of the catalogue with the value → score
 * mapping, by the organization's own score, or by the assessor — and the evidence it needs), the star thresholds (or
 * ten stars by items met), and the publication. A published scheme is read-only: "复制为新年度" makes a draft copy for
 * another year, and its results keep their own copy, so last year's stars never move.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Divider,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import {
  INDICATOR_FILLS,
  MAPPING_KINDS,
  RATING_MODES,
  RATING_SOURCES,
  RATING_SUBJECTS,
  type RatingMode,
  type RatingSource,
  RATINGS_RULE_DEFAULTS,
  SCHEME_STATUSES,
  type ScoreMappingT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import { useFeedback } from '../../../components/feedback';
import { detailGate } from '../../residents/common/DetailParts';
import { RecycleButton } from '../../supervision/problems/parts';
import {
  chinaYear,
  type Indicator,
  type IndicatorGroup,
  type Scheme,
  tenths,
  useFigureCatalogue,
  useSourceWords,
} from './ratingModel';

/** The form's values: the scheme's body, with the indicator codes that a new row gets on saving. */
interface Values {
  year: number;
  name: string;
  subject: 'org' | 'cadre';
  mode: RatingMode;
  maxStars?: number;
  description?: string | null;
  groups: (Omit<IndicatorGroup, 'key' | 'items'> & {
    key?: string;
    items: (Partial<Indicator> & { name: string })[];
  })[];
  thresholds?: { level: number; minScore: number }[];
}

/** The thresholds a new 1–5 star scheme starts with (out of 100). */
const FIVE_STARS = [
  { level: 1, minScore: 0 },
  { level: 2, minScore: 60 },
  { level: 3, minScore: 70 },
  { level: 4, minScore: 80 },
  { level: 5, minScore: 90 },
];

/** Gives every group and indicator a code (new rows have none), unique in the scheme; keeps the codes already set. */
export function withCodes(groups: Values['groups']): IndicatorGroup[] {
  const used = new Set<string>();
  for (const g of groups) {
    if (g.key) used.add(g.key);
    for (const i of g.items ?? []) if (i.key) used.add(i.key);
  }
  const fresh = (base: string) => {
    let n = 1;
    while (used.has(`${base}${n}`)) n++;
    used.add(`${base}${n}`);
    return `${base}${n}`;
  };
  return groups.map((g) => {
    const key = g.key || fresh('g');
    return {
      key,
      name: g.name,
      items: (g.items ?? []).map((i) => {
        const fill = i.fill ?? 'assessor';
        return {
          key: i.key || fresh(`${key}.`),
          name: i.name,
          maxScore: i.maxScore ?? 0,
          fill,
          evidence: i.evidence || null,
          source: fill === 'record' ? (i.source ?? null) : null,
          mapping: fill === 'record' ? cleanMapping(i.mapping) : null,
          passScore: i.passScore ?? null,
        };
      }),
    };
  });
}

/** A mapping with only the fields of its kind. */
function cleanMapping(m: ScoreMappingT | null | undefined): ScoreMappingT | null {
  if (!m?.kind) return null;
  if (m.kind === 'linear')
    return { kind: 'linear', fromValue: m.fromValue, fromScore: m.fromScore, toValue: m.toValue, toScore: m.toScore };
  return { kind: 'thresholds', steps: (m.steps ?? []).filter((s) => s && s.min != null && s.score != null) };
}

/** The scheme editor or, once published, its read-only view. */
export default function SchemeEditorPage() {
  const t = useT();
  const id = Number(useParams().id) || null;
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['ratings', 'scheme', id],
    queryFn: ({ signal }) => api.get<Scheme>(`/api/ratings/schemes/${id}`, undefined, signal),
    enabled: !!id,
  });
  usePageCrumb(q.data ? `${q.data.year} ${q.data.name}` : undefined, !!id);
  if (id) {
    const gate = detailGate(q);
    if (gate || !q.data) return gate;
    if (!q.data.canEdit || q.data.deletedAt) return <SchemeView s={q.data} onChanged={() => void q.refetch()} />;
    return <SchemeForm s={q.data} onChanged={() => void q.refetch()} />;
  }
  if (!hasCap(me, 'ratings.schemes'))
    return <Alert type="info" showIcon title={t('考评方案由县委组织部制定', 'The county defines the schemes')} />;
  return <SchemeForm />;
}

/** The form of a new scheme or of a draft. */
function SchemeForm({ s, onChanged }: { s?: Scheme; onChanged?: () => void }) {
  const t = useT();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const mode = (Form.useWatch('mode', form) ?? s?.mode ?? 'score') as RatingMode;
  const groups = (Form.useWatch('groups', form) ?? s?.groups ?? []) as Values['groups'];
  const total = tenths(
    groups.reduce((n, g) => n + (g?.items ?? []).reduce((m, i) => m + (Number(i?.maxScore) || 0), 0), 0),
  );
  const count = groups.reduce((n, g) => n + (g?.items?.length ?? 0), 0);
  const initial: Partial<Values> = s
    ? {
        year: s.year,
        name: s.name,
        subject: s.subject,
        mode: s.mode,
        maxStars: s.maxStars,
        description: s.description,
        groups: s.groups,
        thresholds: s.thresholds,
      }
    : {
        year: chinaYear(),
        subject: 'org',
        mode: 'score',
        maxStars: 5,
        groups: [{ name: '', items: [{ name: '', maxScore: 10, fill: 'assessor' }] }],
        thresholds: FIVE_STARS,
      };
  async function save(v: Values): Promise<Scheme> {
    const body = {
      name: v.name,
      maxStars: v.mode === 'items' ? Math.min(10, Math.max(1, count)) : v.maxStars,
      description: v.description || null,
      groups: withCodes(v.groups ?? []),
      thresholds: v.mode === 'items' ? [] : (v.thresholds ?? []).filter((x) => x && x.level != null),
    };
    if (s) return api.patch<Scheme>(`/api/ratings/schemes/${s.id}`, body);
    return api.post<Scheme>('/api/ratings/schemes', { ...body, year: v.year, subject: v.subject, mode: v.mode });
  }
  return (
    <EntityForm<Values, Scheme>
      title={
        s ? t(`编辑方案：${s.year} ${s.name}`, `Edit: ${s.year} ${s.name}`) : t('新建考评方案', 'New rating scheme')
      }
      form={form}
      initialValues={initial}
      onSubmit={save}
      onSaved={(saved) => {
        message.success(t('方案已保存（草稿）', 'Scheme saved (draft)'));
        qc.invalidateQueries({ queryKey: ['ratings'] });
        if (s) onChanged?.();
        else navigate(`/ratings/schemes/${saved.id}`, { replace: true });
      }}
      onCancel={() => navigate('/ratings/schemes')}
      fieldOfCode={{
        'ratings.bad_tree': 'groups',
        'ratings.bad_thresholds': 'thresholds',
        'ratings.duplicate_scheme': 'name',
      }}
      intro={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t(
              '草稿可反复修改；发布后方案冻结，各党组织按此评定。修改已发布的方案请“复制为新年度”，不影响已有结果。',
              'A draft can be changed; once published the scheme is frozen. To change a published one, copy it to a new year: existing results keep their own copy.',
            )}
          </Typography.Text>
          {s ? <PublishBar s={s} onChanged={onChanged} dirty={() => form.isFieldsTouched()} /> : null}
        </Space>
      }
      submitLabel={t('保存草稿', 'Save the draft')}
      submitTestId="save-scheme"
      maxWidth={1100}
    >
      <Row gutter={16}>
        <Field
          col="half"
          name="name"
          label={t('方案名称', 'Scheme name')}
          required={t('请填写方案名称', 'Enter a name')}
          whitespace
          max={100}
        >
          <Input data-testid="scheme-name" />
        </Field>
        <Field col="quarter" name="year" label={t('年度', 'Year')} required={t('请填写年度', 'Enter the year')}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} disabled={!!s} />
        </Field>
        <Field col="quarter" name="subject" label={t('考评对象', 'Subject')} required>
          <Select options={opts(RATING_SUBJECTS)} disabled={!!s} />
        </Field>
        <Field col="half" name="mode" label={t('评定方式', 'Mode')} required>
          <Select options={opts(RATING_MODES)} disabled={!!s} data-testid="scheme-mode" />
        </Field>
        {mode !== 'items' ? (
          <Field
            col="quarter"
            name="maxStars"
            label={mode === 'grade' ? t('等次数', 'Levels') : t('最高星级', 'Max stars')}
          >
            <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
          </Field>
        ) : null}
        <Col xs={24} md={mode !== 'items' ? 6 : 12}>
          <Form.Item label={t('合计分值', 'Total')}>
            <b data-testid="scheme-sum">
              {t(`${count} 项指标，共 ${total} 分`, `${count} indicators, ${total} points`)}
            </b>
          </Form.Item>
        </Col>
        <Field col="full" name="description" label={t('方案说明', 'Description')} max={2000}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
      <Divider titlePlacement="start">{t('指标体系', 'Indicator tree')}</Divider>
      <GroupsEditor mode={mode} />
      {mode !== 'items' ? (
        <>
          <Divider titlePlacement="start">
            {mode === 'grade' ? t('定等标准', 'Grades') : t('评星标准', 'Star thresholds')}
          </Divider>
          <ThresholdsEditor mode={mode} />
        </>
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title={t(
            '十星级：每项指标达到“达标分”（未填则为满分）即得一星，最多十星。',
            'Ten stars: one star for each indicator that reaches its pass score (its max when blank), up to ten.',
          )}
        />
      )}
      <ObjectionDaysNote />
    </EntityForm>
  );
}

/** The groups and their indicators, as nested lists of the form. */
function GroupsEditor({ mode }: { mode: RatingMode }) {
  const t = useT();
  return (
    <Form.List name="groups">
      {(groups, { add, remove }) => (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {groups.map((g, gi) => (
            <Card
              key={g.key}
              size="small"
              data-testid={`group-${gi}`}
              title={
                <Field
                  name={[g.name, 'name']}
                  required={t('请填写分组名称', 'Enter the group')}
                  whitespace
                  max={100}
                  what={t('指标分组', 'Group')}
                  style={{ margin: 0 }}
                >
                  <Input
                    placeholder={t('指标分组，如：组织生活正常化', 'Group, e.g. regular meetings')}
                    variant="borderless"
                    style={{ fontWeight: 600 }}
                  />
                </Field>
              }
              extra={
                groups.length > 1 ? (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(g.name)}
                    aria-label={t('删除分组', 'Remove the group')}
                  />
                ) : null
              }
            >
              <Form.List name={[g.name, 'items']}>
                {(items, ops) => (
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    {items.map((it, ii) => (
                      <IndicatorRow
                        key={it.key}
                        path={['groups', g.name, 'items', it.name]}
                        name={it.name}
                        mode={mode}
                        testId={`indicator-${gi}-${ii}`}
                        onRemove={items.length > 1 ? () => ops.remove(it.name) : undefined}
                      />
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => ops.add({ name: '', maxScore: 10, fill: 'assessor' })}
                      data-testid={`add-indicator-${gi}`}
                    >
                      {t('添加指标', 'Add an indicator')}
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', items: [{ name: '', maxScore: 10, fill: 'assessor' }] })}
            data-testid="add-group"
          >
            {t('添加指标分组', 'Add a group')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** One indicator: name, max score, fill mode; the measure and mapping when filled from the records; the evidence. */
function IndicatorRow({
  path,
  name,
  mode,
  testId,
  onRemove,
}: {
  path: (string | number)[];
  name: number;
  mode: RatingMode;
  testId: string;
  onRemove?: () => void;
}) {
  const t = useT();
  const opts = useEnumOptions();
  const form = Form.useFormInstance();
  const fill = Form.useWatch([...path, 'fill'], form) as string | undefined;
  const source = Form.useWatch([...path, 'source'], form) as RatingSource | undefined;
  const kind = Form.useWatch([...path, 'mapping', 'kind'], form) as string | undefined;
  const catalogue = useFigureCatalogue(fill === 'record');
  const words = useSourceWords();
  const sourceOptions = Object.keys(RATING_SOURCES).map((k) => ({
    value: k,
    label: words.name(k),
  }));
  const figureKey = source ? RATING_SOURCES[source]?.figure : undefined;
  return (
    <div className="rt-indicator" data-testid={testId}>
      <Row gutter={8} align="top">
        <Field
          col={{ xs: 24, md: 10 }}
          name={[name, 'name']}
          required={t('请填写指标名称', 'Enter the indicator')}
          whitespace
          max={200}
          what={t('指标名称', 'Indicator')}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t('指标名称', 'Indicator')} />
        </Field>
        <Field
          col={{ xs: 8, md: 3 }}
          name={[name, 'maxScore']}
          required={t('请填写分值', 'Enter the max score')}
          what={t('分值', 'Max score')}
        >
          <InputNumber
            min={0}
            max={1000}
            step={1}
            style={{ width: '100%' }}
            addonAfter={t('分', 'pt')}
            aria-label={t('分值', 'Max score')}
          />
        </Field>
        <Field
          col={{ xs: 16, md: mode === 'items' ? 5 : 8 }}
          name={[name, 'fill']}
          required
          what={t('填报方式', 'Filled by')}
        >
          <Select options={opts(INDICATOR_FILLS)} aria-label={t('填报方式', 'Filled by')} />
        </Field>
        {mode === 'items' ? (
          <Field col={{ xs: 12, md: 3 }} name={[name, 'passScore']} what={t('达标分', 'Pass score')}>
            <InputNumber
              min={0}
              max={1000}
              style={{ width: '100%' }}
              placeholder={t('达标分', 'Pass')}
              aria-label={t('达标分', 'Pass score')}
            />
          </Field>
        ) : null}
        <Col xs={onRemove ? 12 : 0} md={onRemove ? 3 : 0} style={{ textAlign: 'right' }}>
          {onRemove ? (
            <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
              {t('删除', 'Remove')}
            </Button>
          ) : null}
        </Col>
      </Row>
      {fill === 'record' ? (
        <Row gutter={8} className="rt-record">
          <Field
            col={{ xs: 24, md: 10 }}
            name={[name, 'source']}
            label={t('取数来源', 'Taken from')}
            required={t('请选择取数来源', 'Choose a measure')}
            extra={
              figureKey
                ? t(
                    `统计口径：${catalogue.name(figureKey) || figureKey}（按年度、本组织计算）`,
                    `Figure: ${catalogue.name(figureKey) || figureKey} (per organization and year)`,
                  )
                : undefined
            }
          >
            <Select
              options={sourceOptions}
              placeholder={t('选择平台统计指标', 'Choose a figure')}
              data-testid={`${testId}-source`}
            />
          </Field>
          <Field
            col={{ xs: 24, md: 6 }}
            name={[name, 'mapping', 'kind']}
            label={t('折算方式', 'Mapping')}
            required={t('请选择折算方式', 'Choose a mapping')}
          >
            <Radio.Group options={opts(MAPPING_KINDS)} optionType="button" size="small" />
          </Field>
          <Col xs={24} md={8}>
            {kind === 'thresholds' ? (
              <StepsEditor name={[name, 'mapping', 'steps']} unit={words.unit(source)} />
            ) : (
              <LinearEditor name={[name, 'mapping']} unit={words.unit(source)} />
            )}
          </Col>
        </Row>
      ) : null}
      <Field
        name={[name, 'evidence']}
        max={500}
        what={t('佐证材料要求', 'Evidence needed')}
        style={{ marginBottom: 0 }}
      >
        <Input
          placeholder={t(
            '佐证材料要求（可不填），如：会议记录、照片',
            'Evidence needed (optional), e.g. minutes, photos',
          )}
        />
      </Field>
    </div>
  );
}

/** Linear mapping: the score at the from-value and at the to-value, the line between. */
function LinearEditor({ name, unit }: { name: (string | number)[]; unit: string }) {
  const t = useT();
  const n = (k: string, label: string, suffix: string) => (
    <Field name={[...name, k]} what={label} style={{ marginBottom: 4 }}>
      <InputNumber
        min={0}
        style={{ width: '100%' }}
        size="small"
        addonBefore={label}
        addonAfter={suffix}
        aria-label={label}
      />
    </Field>
  );
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('取值在两点之间按直线折算', 'A straight line between two points')}
      </Typography.Text>
      <Row gutter={4}>
        <Col span={12}>{n('fromValue', t('起点', 'From'), unit)}</Col>
        <Col span={12}>{n('fromScore', t('得', 'Score'), t('分', 'pt'))}</Col>
        <Col span={12}>{n('toValue', t('终点', 'To'), unit)}</Col>
        <Col span={12}>{n('toScore', t('得', 'Score'), t('分', 'pt'))}</Col>
      </Row>
    </div>
  );
}

/** Mapping by steps: the score of the highest step the value reaches. */
function StepsEditor({ name, unit }: { name: (string | number)[]; unit: string }) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(steps, { add, remove }) => (
        <div>
          {steps.map((s) => (
            <Space key={s.key} size={4} style={{ marginBottom: 4 }} wrap>
              <Field name={[s.name, 'min']} what={t('达到取值', 'Value at least')} style={{ margin: 0 }}>
                <InputNumber
                  min={0}
                  size="small"
                  addonBefore="≥"
                  addonAfter={unit}
                  style={{ width: 130 }}
                  aria-label={t('达到取值', 'Value at least')}
                />
              </Field>
              <Field name={[s.name, 'score']} what={t('得分', 'Score')} style={{ margin: 0 }}>
                <InputNumber
                  min={0}
                  size="small"
                  addonAfter={t('分', 'pt')}
                  style={{ width: 100 }}
                  aria-label={t('得分', 'Score')}
                />
              </Field>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(s.name)}
                aria-label={t('删除', 'Remove')}
              />
            </Space>
          ))}
          {steps.length < 10 ? (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('添加一档', 'Add a step')}
            </Button>
          ) : null}
        </div>
      )}
    </Form.List>
  );
}

/** The thresholds: the total at which each level (star or grade) is reached. */
function ThresholdsEditor({ mode }: { mode: RatingMode }) {
  const t = useT();
  return (
    <Form.List name="thresholds">
      {(rows, { add, remove }) => (
        <Space orientation="vertical" size={4} data-testid="thresholds">
          {rows.map((r) => (
            <Space key={r.key} size={8} wrap>
              <Field name={[r.name, 'level']} required what={t('星级', 'Level')} style={{ margin: 0 }}>
                <InputNumber
                  min={1}
                  max={10}
                  precision={0}
                  addonAfter={mode === 'grade' ? t('等', 'level') : t('星', 'stars')}
                  style={{ width: 110 }}
                  aria-label={t('星级', 'Level')}
                />
              </Field>
              <span>{t('总分不低于', 'at a total of at least')}</span>
              <Field name={[r.name, 'minScore']} required what={t('最低总分', 'Total at least')} style={{ margin: 0 }}>
                <InputNumber
                  min={0}
                  max={10000}
                  addonAfter={t('分', 'pt')}
                  style={{ width: 120 }}
                  aria-label={t('最低总分', 'Total at least')}
                />
              </Field>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(r.name)}
                aria-label={t('删除', 'Remove')}
              />
            </Space>
          ))}
          {rows.length < 10 ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: rows.length + 1, minScore: 0 })}>
              {t('添加一级', 'Add a level')}
            </Button>
          ) : null}
          {mode === 'grade' ? (
            <Typography.Text type="secondary">
              {t(
                '等次：4 优秀、3 称职、2 基本称职、1 不称职',
                'Levels: 4 excellent, 3 competent, 2 basic, 1 incompetent',
              )}
            </Typography.Text>
          ) : null}
        </Space>
      )}
    </Form.List>
  );
}

/** The objection window is a rule of the rules page, not of a scheme: the editor says where it is set. */
function ObjectionDaysNote() {
  const t = useT();
  const days = RATINGS_RULE_DEFAULTS.objectionDays;
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
      {t(
        `评定结果公示期默认 ${days} 天，公示期满且异议处理完毕后结果确定；公示天数、表彰和提醒整改的星级在`,
        `Results are published for objections for ${days} days by default, then made final once every objection is answered; the days and the stars commended or reminded are set on `,
      )}
      <Link to="/rules/ratings">{t('星级评定规则', 'the ratings rules')}</Link>
      {t('中设置。', '.')}
    </Typography.Paragraph>
  );
}

/** The draft's publish button: once published the scheme is frozen. */
function PublishBar({ s, onChanged, dirty }: { s: Scheme; onChanged?: () => void; dirty: () => boolean }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [error, setError] = useState<string | null>(null);
  return (
    <Space wrap>
      <Tag>{t('草稿', 'Draft')}</Tag>
      <Popconfirm
        title={t('发布后方案不能再修改，确定发布？', 'Once published the scheme cannot change. Publish?')}
        okText={t('发布', 'Publish')}
        cancelText={t('取消', 'Cancel')}
        onConfirm={async () => {
          if (dirty()) {
            setError(t('请先保存草稿再发布', 'Save the draft first'));
            return;
          }
          try {
            await api.post(`/api/ratings/schemes/${s.id}/publish`, {});
            setError(null);
            message.success(t('方案已发布', 'Scheme published'));
            qc.invalidateQueries({ queryKey: ['ratings'] });
            onChanged?.();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        <Button type="primary" icon={<SendOutlined />} data-testid="publish-scheme">
          {t('发布方案', 'Publish')}
        </Button>
      </Popconfirm>
      <RecycleButton
        path={`/api/ratings/schemes/${s.id}`}
        capability="ratings.schemes"
        deleted={!!s.deletedAt}
        confirm={t('删除这个草稿方案？', 'Delete this draft scheme?')}
        onChanged={() => onChanged?.()}
      />
      {error ? (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** A published (or read-only) scheme: its tree and thresholds, and "复制为新年度". */
function SchemeView({ s, onChanged }: { s: Scheme; onChanged: () => void }) {
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
