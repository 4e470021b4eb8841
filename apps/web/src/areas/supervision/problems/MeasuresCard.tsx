/**
 * The measures of a problem's rectification (措施清单): what is done, by whom, by when, and whether it is done;
 * added and edited in a dialog, marked done in one click, removed with a confirmation — while the problem is open.
 */
import { useState } from 'react';
import { Button, Card, Input, Popconfirm, Row, Space, Table, Tag } from 'antd';
import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { chinaToday } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { DateField } from '../../../components/DateField';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { Field } from '../../../components/form/Field';
import type { ProblemMeasure } from './problemModel';

interface Values {
  content: string;
  ownerName: string;
  dueOn?: string | null;
  doneOn?: string | null;
}

/** The measures card of a problem. */
export function MeasuresCard({
  problemId,
  measures,
  canWrite,
  onChanged,
}: {
  problemId: number;
  measures: ProblemMeasure[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { message } = useFeedback();
  const [editing, setEditing] = useState<ProblemMeasure | 'new' | null>(null);
  const base = `/api/problems/${problemId}/measures`;
  async function act(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      message.success(done);
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  return (
    <Card
      title={t(`整改措施（${measures.length}）`, `Measures (${measures.length})`)}
      extra={
        canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-measure">
            {t('添加措施', 'Add a measure')}
          </Button>
        ) : null
      }
      data-testid="measures"
    >
      <Table<ProblemMeasure>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={measures}
        locale={{ emptyText: t('还没有整改措施', 'No measure yet') }}
        scroll={{ x: 760 }}
        columns={[
          { title: t('整改措施', 'Measure'), dataIndex: 'content', render: (v: string) => <span>{v}</span> },
          { title: t('责任人', 'Owner'), dataIndex: 'ownerName', width: 100 },
          { title: t('完成时限', 'Due'), dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: t('完成情况', 'Done'),
            dataIndex: 'doneOn',
            width: 130,
            render: (v: string | null) =>
              v ? <Tag color="green">{t(`${v} 完成`, `Done ${v}`)}</Tag> : <Tag>{t('未完成', 'Not yet')}</Tag>,
          },
          ...(canWrite
            ? [
                {
                  title: t('操作', 'Actions'),
                  key: '_a',
                  width: 190,
                  render: (_: unknown, m: ProblemMeasure) => (
                    <Space size={4}>
                      {!m.doneOn ? (
                        <Button
                          size="small"
                          icon={<CheckOutlined />}
                          onClick={() =>
                            act(
                              () => api.patch(`${base}/${m.id}`, { doneOn: chinaToday() }),
                              t('已标记完成', 'Marked done'),
                            )
                          }
                          data-testid="measure-done"
                        >
                          {t('完成', 'Done')}
                        </Button>
                      ) : null}
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('修改措施', 'Edit the measure')}
                        onClick={() => setEditing(m)}
                      />
                      <Popconfirm
                        title={t('删除这条措施？', 'Remove this measure?')}
                        okText={t('删除', 'Remove')}
                        cancelText={t('取消', 'Cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => act(() => api.del(`${base}/${m.id}`), t('已删除', 'Removed'))}
                      >
                        <Button size="small" danger>
                          {t('删除', 'Remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <FormModal
          title={editing === 'new' ? t('添加整改措施', 'Add a measure') : t('修改整改措施', 'Edit the measure')}
          initialValues={editing === 'new' ? {} : { ...editing }}
          onSubmit={(body) => {
            const v = body as unknown as Values;
            const sent = { ...v, content: v.content.trim(), ownerName: v.ownerName.trim() };
            return editing === 'new' ? api.post(base, sent) : api.patch(`${base}/${editing.id}`, sent);
          }}
          onSaved={() => {
            setEditing(null);
            message.success(t('已保存', 'Saved'));
            onChanged();
          }}
          onClose={() => setEditing(null)}
        >
          <Row gutter={16}>
            <Field
              col="full"
              label={t('整改措施', 'Measure')}
              name="content"
              required={t('请填写整改措施', 'Say what is done')}
              whitespace
              max={1000}
            >
              <Input.TextArea rows={3} data-testid="measure-content" />
            </Field>
            <Field
              col="third"
              label={t('责任人', 'Owner')}
              name="ownerName"
              required={t('请填写责任人', 'Name the owner')}
              whitespace
              max={40}
            >
              <Input data-testid="measure-owner" />
            </Field>
            <Field col="third" label={t('完成时限', 'Due')} name="dueOn">
              <DateField />
            </Field>
            <Field col="third" label={t('完成日期', 'Done on')} name="doneOn">
              <DateField maxToday />
            </Field>
          </Row>
        </FormModal>
      ) : null}
    </Card>
  );
}
