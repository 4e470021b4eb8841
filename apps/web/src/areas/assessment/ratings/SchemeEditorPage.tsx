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
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { RATING_MODES, RATING_SUBJECTS, type RatingMode } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { EntityForm } from '../../../components/EntityForm';
import { Field } from '../../../components/form/Field';
import { useFeedback } from '../../../components/feedback';
import { detailGate } from '../../residents/common/DetailParts';
import { RecycleButton } from '../../supervision/problems/parts';
import { chinaYear, type Scheme, tenths } from './ratingModel';
import { FIVE_STARS, GroupsEditor, type Values, withCodes } from './SchemeTree';
import { ObjectionDaysNote, ThresholdsEditor } from './SchemeMappings';
import { SchemeView } from './SchemeView';

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
              'A draft can be changed; once published the scheme is frozen. To change a published one, copy it to ' +
                'a new year: existing results keep their own copy.',
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
