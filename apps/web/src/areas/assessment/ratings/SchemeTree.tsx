import { Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  INDICATOR_FILLS,
  MAPPING_KINDS,
  RATING_SOURCES,
  type RatingMode,
  type RatingSource,
  type ScoreMappingT,
} from '@dangjian/contracts';
import { useEnumOptions, useT } from '../../../app/i18n';
import { Field } from '../../../components/form/Field';
import { type Indicator, type IndicatorGroup, useFigureCatalogue, useSourceWords } from './ratingModel';
import { LinearEditor, StepsEditor } from './SchemeMappings';

/** The form's values: the scheme's body, with the indicator codes that a new row gets on saving. */
export interface Values {
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
export const FIVE_STARS = [
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

/** The groups and their indicators, as nested lists of the form. */
export function GroupsEditor({ mode }: { mode: RatingMode }) {
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
