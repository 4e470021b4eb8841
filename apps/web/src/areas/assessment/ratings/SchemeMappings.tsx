import { Button, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { type RatingMode, RATINGS_RULE_DEFAULTS } from '@dangjian/contracts';
import { useT } from '../../../app/i18n';
import { Field } from '../../../components/form/Field';

/** Linear mapping: the score at the from-value and at the to-value, the line between. */
export function LinearEditor({ name, unit }: { name: (string | number)[]; unit: string }) {
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
export function StepsEditor({ name, unit }: { name: (string | number)[]; unit: string }) {
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
export function ThresholdsEditor({ mode }: { mode: RatingMode }) {
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
export function ObjectionDaysNote() {
  const t = useT();
  const days = RATINGS_RULE_DEFAULTS.objectionDays;
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
      {t(
        `评定结果公示期默认 ${days} 天，公示期满且异议处理完毕后结果确定；公示天数、表彰和提醒整改的星级在`,
        `Results are published for objections for ${days} days by default, then made final once every objection ` +
          'is answered; the days and the stars commended or reminded are set on ',
      )}
      <Link to="/rules/ratings">{t('星级评定规则', 'the ratings rules')}</Link>
      {t('中设置。', '.')}
    </Typography.Paragraph>
  );
}
