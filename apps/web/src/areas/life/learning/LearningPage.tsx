/** The learning lists (`/learning`) on ListPage: month, topic, kind, setter and, for a branch, whether it held it. */
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { chinaToday, LEARNING_KINDS, type LearningDetailT, type LearningItemT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useEnumOptions, useLabel, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { ListPage } from '../../../components/list/ListPage';
import { NewButton, recycleBin, searchFilter, selectFilter } from '../../../components/list/listParts';

const YEARS = Array.from({ length: 4 }, (_, i) => String(new Date().getFullYear() - i));
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** The list of learning items. */
export default function LearningPage() {
  const t = useT();
  const lbl = useLabel();
  const opts = useEnumOptions();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const today = chinaToday();
  return (
    <>
      <ListPage<LearningItemT>
        title={t('学习清单', 'Learning lists')}
        endpoint="/api/learning"
        orgScoped
        filters={[
          searchFilter(t('搜索', 'Search'), t('学习主题', 'Topic'), { maxLength: 40 }),
          selectFilter(
            'year',
            t('年度', 'Year'),
            YEARS.map((y) => ({ value: y, label: y })),
            100,
          ),
          selectFilter(
            'month',
            t('月份', 'Month'),
            MONTHS.map((m) => ({ value: m, label: t(`${m}月`, m) })),
            100,
          ),
          selectFilter('kind', t('学习类别', 'Kind'), opts(LEARNING_KINDS), 140),
        ]}
        columns={[
          {
            title: t('月份', 'Month'),
            dataIndex: 'month',
            width: 100,
            render: (_: unknown, r) => `${r.year}-${String(r.month).padStart(2, '0')}`,
          },
          { title: t('学习主题', 'Topic'), dataIndex: 'topic', width: 260 },
          {
            title: t('学习类别', 'Kind'),
            dataIndex: 'kind',
            width: 110,
            render: (_: unknown, r) => lbl(LEARNING_KINDS, r.kind),
          },
          { title: t('制定单位', 'Set by'), dataIndex: 'orgName', width: 160 },
          ...(hasCap(me, 'learning.hold')
            ? [
                {
                  title: t('本支部落实', 'Held here'),
                  dataIndex: 'ownHold',
                  width: 130,
                  render: (_: unknown, r: LearningItemT) =>
                    r.ownHold ? (
                      <Tag color="green">{t(`已落实 ${r.ownHold.heldOn}`, `Held ${r.ownHold.heldOn}`)}</Tag>
                    ) : (
                      <Tag color="orange">{t('未落实', 'Not held')}</Tag>
                    ),
                },
              ]
            : []),
        ]}
        scrollX={900}
        onRowClick={(r) => navigate(`/learning/${r.id}`)}
        recycle={recycleBin('learning.write', (r: LearningItemT) => r.topic)}
        actions={
          <>
            <Button onClick={() => navigate('/learning/progress')} data-testid="learning-progress">
              {t('落实情况', 'Progress')}
            </Button>
            <NewButton show={hasCap(me, 'learning.write')} onClick={() => setCreating(true)} testId="new-learning">
              {t('制定学习清单', 'Set an item')}
            </NewButton>
          </>
        }
        total={{ testId: 'learning-total', text: (n) => t(`共 ${n} 条`, `${n} items`) }}
        emptyText={t('没有学习清单', 'No learning item')}
      />
      {creating ? (
        <FormModal<LearningDetailT>
          title={t('制定学习清单条目', 'Set a learning item')}
          initialValues={{ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }}
          onSubmit={(body) => api.post<LearningDetailT>('/api/learning', body)}
          onSaved={(r) => navigate(`/learning/${r.id}`)}
          onClose={() => setCreating(false)}
        >
          <Form.Item name="year" label={t('年度', 'Year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="month" label={t('月份', 'Month')} rules={[{ required: true }]}>
            <InputNumber min={1} max={12} />
          </Form.Item>
          <Form.Item name="topic" label={t('学习主题', 'Topic')} rules={[{ required: true }]}>
            <Input count={{ show: true, max: 100 }} data-testid="learning-topic" />
          </Form.Item>
          <Form.Item name="kind" label={t('学习类别', 'Kind')} rules={[{ required: true }]}>
            <Select options={opts(LEARNING_KINDS)} data-testid="learning-kind" />
          </Form.Item>
          <Form.Item name="material" label={t('学习材料', 'Material')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} count={{ show: true, max: 4000 }} />
          </Form.Item>
          <Form.Item name="link" label={t('材料链接（可不填）', 'Link (optional)')}>
            <Input count={{ show: true, max: 300 }} />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
