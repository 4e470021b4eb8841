/**
 * 登记走访 (`/visits/new?household=`): household, visitor, date (not after today), what was found and promised, an
 * optional request raised, photos.
 */
import { useState } from 'react';
import { Card, Checkbox, Col, Form, Input, Radio, Row, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { REQUEST_CATEGORIES, REQUEST_LEVELS } from '@dangjian/contracts';
import { api, request } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { useMe } from '../../../app/session';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { DateField } from '../../../components/DateField';
import { EntityForm } from '../../../components/EntityForm';
import { HouseholdSelect, MemberSelect, householdLabel, useResidentsRules } from '../common/ResidentsParts';
import { chinaToday, type HouseholdDetail, type Visit } from '../common/model';
import { Field } from '../../../components/form/Field';

interface Values {
  householdId: number;
  visitorMemberId: number;
  visitedOn: string;
  found: string;
  promised?: string;
  raise: boolean;
  category?: string;
  level?: string;
  description?: string;
  result?: string;
}

const MAX_PHOTO = 10 * 1024 * 1024;

/** The visit form. */
export default function VisitFormPage() {
  const t = useT();
  const opts = useEnumOptions();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const rules = useResidentsRules().data?.rules;
  usePageCrumb(t('登记走访', 'Record a visit'));
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const raise = Form.useWatch('raise', form);
  const level = Form.useWatch('level', form);
  const preset = params.get('household') ? Number(params.get('household')) : undefined;
  const presetHh = useQuery({
    queryKey: ['household', preset],
    queryFn: ({ signal }) => api.get<HouseholdDetail>(`/api/households/${preset}`, undefined, signal),
    enabled: !!preset,
  });

  /** Saves the visit, then its photos; answers the visit and how many photos failed. */
  async function save(v: Values): Promise<{ saved: Visit; failed: number }> {
    const body = {
      householdId: v.householdId,
      visitorMemberId: v.visitorMemberId,
      visitedOn: v.visitedOn,
      found: v.found.trim(),
      promised: v.promised?.trim() || null,
      ...(v.raise
        ? {
            request: {
              category: v.category,
              level: v.level,
              description: v.description?.trim(),
              ...(v.level === 'on_the_spot' ? { result: v.result?.trim() } : {}),
            },
          }
        : {}),
    };
    const saved = await api.post<Visit>('/api/visits', body);
    // Photos go after the record exists; a failed photo does not undo the visit.
    let failed = 0;
    for (const f of files) {
      const fd = new FormData();
      fd.append('file', f.originFileObj as File, f.name);
      try {
        await request('POST', `/api/visits/${saved.id}/photos`, { body: fd });
      } catch {
        failed++;
      }
    }
    return { saved, failed };
  }

  function done({ saved, failed }: { saved: Visit; failed: number }) {
    for (const k of ['visits', 'visit-quotas', 'household', 'requests', 'service-stats'])
      qc.invalidateQueries({ queryKey: [k] });
    if (failed)
      message.warning(
        t(`走访已保存，但有 ${failed} 张照片上传失败`, `Visit saved, but ${failed} photos failed to upload`),
      );
    else message.success(t('走访已保存', 'Visit saved'));
    navigate(saved.requestId ? `/requests/${saved.requestId}` : preset ? `/households/${preset}` : '/visits');
  }

  return (
    <EntityForm<Values, { saved: Visit; failed: number }>
      title={t('登记走访', 'Record a visit')}
      intro={
        rules ? (
          <p className="dj-muted" style={{ marginTop: 0 }}>
            {t(
              `要求：每个村每季度至少走访 ${rules.villageVisitsPerQuarter} 次；乡镇干部每周走访不少于 ` +
                `${rules.cadreVisitDaysPerWeek} 天、${rules.cadreVisitHouseholdsPerWeek} 户。`,
              `Every village at least ${rules.villageVisitsPerQuarter} visit(s) a quarter; a township cadre at ` +
                `least ${rules.cadreVisitDaysPerWeek} days and ${rules.cadreVisitHouseholdsPerWeek} households a week.`,
            )}
          </p>
        ) : null
      }
      form={form}
      maxWidth={900}
      onSubmit={save}
      onSaved={done}
      onCancel={() => navigate(-1)}
      submitTestId="save-visit"
      fieldOfCode={{ 'residents.in_future': 'visitedOn', 'residents.on_the_spot_needs_result': 'result' }}
      initialValues={{
        householdId: preset,
        visitorMemberId: me?.memberId ?? undefined,
        visitedOn: chinaToday(),
        raise: false,
        level: 'on_the_spot',
        category: 'livelihood',
      }}
    >
      <Row gutter={16}>
        <Field
          col="half"
          label={t('走访户', 'Household')}
          name="householdId"
          required={t('请选择走访的户', 'Choose the household')}
        >
          <HouseholdSelect valueLabel={presetHh.data ? householdLabel(presetHh.data) : undefined} />
        </Field>
        <Field
          col="third"
          label={t('走访人', 'Visitor')}
          name="visitorMemberId"
          required={t('请选择走访人', 'Choose the visitor')}
        >
          <MemberSelect valueLabel={me?.memberId ? me.displayName : undefined} />
        </Field>
        <Col xs={24} md={4}>
          <Field
            label={t('走访日期', 'Date')}
            name="visitedOn"
            required={t('请选择日期', 'Choose the date')}
            rules={[
              {
                validator: (_, v?: string) =>
                  !v || v <= chinaToday()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('日期不能晚于今天', 'Not after today'))),
              },
            ]}
          >
            <DateField maxToday />
          </Field>
        </Col>
        <Field
          col="full"
          label={t('了解情况', 'What was found')}
          name="found"
          required={t('请填写了解到的情况', 'Describe what was found')}
          whitespace
          max={2000}
        >
          <Input.TextArea rows={3} data-testid="visit-found" />
        </Field>
        <Field col="full" label={t('承诺事项', 'What was promised')} name="promised" max={2000}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
      <Form.Item name="raise" valuePropName="checked">
        <Checkbox data-testid="visit-raise">
          {t('群众提出了诉求（登记为下访诉求）', 'The household raised a request (recorded as a door-to-door request)')}
        </Checkbox>
      </Form.Item>
      {raise ? (
        <Card size="small" style={{ marginBottom: 16, background: '#fafafa' }}>
          <Row gutter={16}>
            <Field col="third" label={t('诉求类别', 'Category')} name="category" required>
              <Select options={opts(REQUEST_CATEGORIES)} />
            </Field>
            <Col xs={24} md={16}>
              <Field
                label={t('办理方式', 'Handling')}
                name="level"
                required
                extra={
                  rules && level !== 'on_the_spot'
                    ? t(
                        `研究办 ${rules.studiedDays} 天、协调办 ${rules.coordinatedDays} 天内办结`,
                        `After study: ${rules.studiedDays} days; with departments: ${rules.coordinatedDays} days`,
                      )
                    : undefined
                }
              >
                <Radio.Group options={opts(REQUEST_LEVELS)} optionType="button" />
              </Field>
            </Col>
            <Field
              col="full"
              label={t('诉求内容', 'Request')}
              name="description"
              required={t('请填写诉求内容', 'Describe the request')}
              whitespace
              max={2000}
            >
              <Input.TextArea rows={2} />
            </Field>
            {level === 'on_the_spot' ? (
              <Field
                col="full"
                label={t('当场办理结果', 'Result on the spot')}
                name="result"
                required={t('当场办须填写办理结果', 'An on-the-spot request needs its result')}
                whitespace
                max={2000}
              >
                <Input.TextArea rows={2} />
              </Field>
            ) : null}
          </Row>
        </Card>
      ) : null}
      <Form.Item
        label={t('走访照片', 'Photos')}
        extra={t(
          'JPG/PNG，每张不超过10MB；保存走访后上传',
          'JPG/PNG up to 10 MB each; uploaded after the visit is saved',
        )}
      >
        <Upload
          listType="picture-card"
          accept="image/jpeg,image/png"
          multiple
          fileList={files}
          beforeUpload={(file) => {
            if (!['image/jpeg', 'image/png'].includes(file.type)) {
              message.error(t('只能上传 JPG 或 PNG 图片', 'Only JPG or PNG images'));
              return Upload.LIST_IGNORE;
            }
            if (file.size > MAX_PHOTO) {
              message.error(t('照片不能超过10MB', 'A photo may be at most 10 MB'));
              return Upload.LIST_IGNORE;
            }
            return false;
          }}
          onChange={({ fileList }) => setFiles(fileList)}
        >
          {files.length >= 9 ? null : (
            <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
              <PlusOutlined />
              <div style={{ marginTop: 8 }}>{t('添加照片', 'Add photo')}</div>
            </button>
          )}
        </Upload>
      </Form.Item>
    </EntityForm>
  );
}
