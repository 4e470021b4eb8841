/**
 * The dialogs of a class: its course plan (sessions), its attendees (members of the organizer's subtree, added by
 * organization or one by one), one session's attendance (who was present, recorded by the organizer) and the
 * attendees' results at the end (合格/不合格).
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Space, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TRAINING_RESULTS } from '@dangjian/contracts';
import { api, ApiError, request } from '../../../api/client';
import { useEnumOptions, useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { MemberPicker } from '../../../components/form/SearchPicker';
import type { TrainingClassDetail, TrainingSession } from './trainingModel';

interface DialogProps {
  record: TrainingClassDetail;
  onSaved: (next: TrainingClassDetail) => void;
  onClose: () => void;
}

/** Sends a PUT of a class's part; answers the class. */
const put = (path: string, body: unknown) => request<TrainingClassDetail>('PUT', path, { body });

const errText = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

/** The course plan: sessions with their day, topic, teacher and hours (replaced whole). */
export function PlanDialog({ record, onSaved, onClose }: DialogProps) {
  const t = useT();
  const sessions = record.plan.length
    ? record.plan.map((s) => ({ heldOn: s.heldOn, topic: s.topic, teacher: s.teacher, hours: s.hours }))
    : [{ heldOn: record.startOn, hours: 3 }];
  return (
    <FormModal<TrainingClassDetail>
      title={t('编排课程计划', 'Course plan')}
      width={880}
      initialValues={{ sessions }}
      notice={
        <p className="dj-muted">
          {t(
            `上课日期须在 ${record.startOn} 至 ${record.endOn} 之间；提交审核后计划不能再改。`,
            `Sessions lie between ${record.startOn} and ${record.endOn}; the plan is fixed once submitted.`,
          )}
        </p>
      }
      onSubmit={(b) => put(`/api/training/classes/${record.id}/plan`, b)}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.List name="sessions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                <Field name={[f.name, 'heldOn']} label={i ? undefined : t('上课日期', 'Held on')} required>
                  <DateField />
                </Field>
                <Field name={[f.name, 'topic']} label={i ? undefined : t('课程内容', 'Topic')} required whitespace>
                  <Input style={{ width: 260 }} count={{ show: true, max: 100 }} data-testid={`session-topic-${i}`} />
                </Field>
                <Field name={[f.name, 'teacher']} label={i ? undefined : t('授课教师', 'Teacher')} required whitespace>
                  <Input style={{ width: 150 }} count={{ show: true, max: 40 }} data-testid={`session-teacher-${i}`} />
                </Field>
                <Field name={[f.name, 'hours']} label={i ? undefined : t('学时', 'Hours')} required>
                  <InputNumber min={0.5} max={12} step={0.5} style={{ width: 90 }} />
                </Field>
                <Button
                  aria-label={t('删除此节', 'Remove this session')}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  disabled={fields.length < 2}
                  style={{ marginTop: i ? 0 : 30 }}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ heldOn: record.startOn, hours: 3 })}>
              {t('增加一节课程', 'Add a session')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

type Person = { memberId: number; name: string; orgName: string };

/** The attendees: members added by organization or one by one, removed per row; saved as the whole list. */
export function AttendeesDialog({ record, onSaved, onClose }: DialogProps) {
  const t = useT();
  const [people, setPeople] = useState<Person[]>(
    record.people.map((p) => ({ memberId: p.memberId, name: p.name, orgName: p.orgName })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = (more: Person[]) =>
    setPeople((now) => [...now, ...more.filter((m) => !now.some((p) => p.memberId === m.memberId))]);
  async function addOrg(org: number | null) {
    if (!org) return;
    try {
      const r = await api.get<{ items: { id: number; name: string; orgName: string }[] }>('/api/members', {
        org,
        pageSize: 500,
      });
      add(r.items.map((m) => ({ memberId: m.id, name: m.name, orgName: m.orgName })));
    } catch (e) {
      setError(errText(e));
    }
  }
  async function save() {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await put(`/api/training/classes/${record.id}/attendees`, {
          memberIds: people.map((p) => p.memberId),
        }),
      );
    } catch (e) {
      setError(errText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('参训学员', 'Attendees')}
      width={760}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect
          value={null}
          onChange={(id) => void addOrg(id)}
          placeholder={t('按党组织加入全部党员', 'Add all members of an organization')}
          ariaLabel={t('按党组织加入', 'Add by organization')}
          style={{ width: 280 }}
        />
        <div style={{ width: 280 }}>
          <MemberPicker
            value={null}
            onChange={(id, name) => (id ? add([{ memberId: id, name: name ?? '', orgName: '' }]) : undefined)}
            placeholder={t('查找党员加入', 'Find a member to add')}
          />
        </div>
      </Space>
      <Table<Person>
        size="small"
        rowKey="memberId"
        dataSource={people}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('尚未确定学员', 'No attendee yet') }}
        columns={[
          { title: t('姓名', 'Name'), dataIndex: 'name', width: 120 },
          { title: t('党组织', 'Organization'), dataIndex: 'orgName' },
          {
            title: t('操作', 'Actions'),
            width: 80,
            render: (_: unknown, p) => (
              <Button size="small" onClick={() => setPeople((now) => now.filter((x) => x.memberId !== p.memberId))}>
                {t('移除', 'Remove')}
              </Button>
            ),
          },
        ]}
      />
      <p className="dj-muted">{t(`共 ${people.length} 名学员`, `${people.length} attendees`)}</p>
    </Modal>
  );
}

/** One session's attendance: the attendees present (the others absent). */
export function AttendanceDialog({ record, session, onSaved, onClose }: DialogProps & { session: TrainingSession }) {
  const t = useT();
  const recorded = session.present != null;
  const initial = record.people.filter((p) => !recorded || p.presentAt.includes(session.id)).map((p) => p.memberId);
  return (
    <FormModal<TrainingClassDetail>
      title={t(`记录出勤：${session.heldOn} ${session.topic}`, `Attendance: ${session.heldOn} ${session.topic}`)}
      width={720}
      initialValues={{ present: initial }}
      notice={<p className="dj-muted">{t('勾选出勤的学员，未勾选的记为缺勤。', 'Tick who was present.')}</p>}
      onSubmit={(b) =>
        put(`/api/training/classes/${record.id}/sessions/${session.id}/attendance`, { present: b.present ?? [] })
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <Field name="present" label={t('出勤学员', 'Present')}>
        <Checkbox.Group
          data-testid="attendance-present"
          options={record.people.map((p) => ({ value: p.memberId, label: `${p.name}（${p.orgName}）` }))}
        />
      </Field>
    </FormModal>
  );
}

/** The attendees' results at the end of the class. */
export function ResultsDialog({ record, onSaved, onClose }: DialogProps) {
  const t = useT();
  const opts = useEnumOptions();
  const initial = Object.fromEntries(record.people.map((p) => [`m${p.memberId}`, p.result ?? 'passed']));
  return (
    <FormModal<TrainingClassDetail>
      title={t('结业考核结果', 'Results')}
      width={720}
      initialValues={initial}
      onSubmit={(b) =>
        put(`/api/training/classes/${record.id}/results`, {
          results: record.people.map((p) => ({ memberId: p.memberId, result: b[`m${p.memberId}`] ?? 'passed' })),
        })
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      {record.people.map((p) => (
        <Field key={p.memberId} name={`m${p.memberId}`} label={`${p.name}（${p.orgName}，${p.hours} 学时）`}>
          <Radio.Group options={opts(TRAINING_RESULTS)} />
        </Field>
      ))}
    </FormModal>
  );
}
