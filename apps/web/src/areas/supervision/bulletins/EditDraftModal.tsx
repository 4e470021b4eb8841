/** Edit a draft bulletin: its title, foreword and conclusion, and the order of its sections (up and down). */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Form, Input, List, Modal } from 'antd';
import { useEffect, useState } from 'react';
import {
  BULLETIN_SECTIONS,
  type BulletinDetailT,
  type BulletinSectionKey,
  type BulletinUpdateT,
} from '@dangjian/contracts';
import { useLabel, useT } from '../../../app/i18n';

/** The edit dialog. */
export function EditDraftModal(props: {
  open: boolean;
  bulletin: BulletinDetailT;
  onClose: () => void;
  onSave: (body: BulletinUpdateT) => Promise<void>;
}) {
  const t = useT();
  const lbl = useLabel();
  const b = props.bulletin;
  const [title, setTitle] = useState(b.title);
  const [foreword, setForeword] = useState(b.foreword ?? '');
  const [conclusion, setConclusion] = useState(b.conclusion ?? '');
  const [order, setOrder] = useState<BulletinSectionKey[]>(b.sectionOrder);
  useEffect(() => {
    if (!props.open) return;
    setTitle(b.title);
    setForeword(b.foreword ?? '');
    setConclusion(b.conclusion ?? '');
    setOrder(b.sectionOrder);
  }, [props.open, b]);
  const move = (k: number, by: number) => {
    const next = [...order];
    const [x] = next.splice(k, 1);
    next.splice(k + by, 0, x!);
    setOrder(next);
  };
  return (
    <Modal
      open={props.open}
      width={720}
      title={t('编辑草稿', 'Edit the draft')}
      okText={t('保存', 'Save')}
      okButtonProps={{ disabled: !title.trim(), 'data-testid': 'save-draft' } as never}
      onCancel={props.onClose}
      onOk={() =>
        props.onSave({
          title: title.trim(),
          foreword: foreword || null,
          conclusion: conclusion || null,
          sectionOrder: order,
        })
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('标题', 'Title')} required>
          <Input value={title} count={{ show: true, max: 80 }} onChange={(e) => setTitle(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('导语', 'Foreword')}>
          <Input.TextArea
            rows={3}
            count={{ show: true, max: 4000 }}
            value={foreword}
            onChange={(e) => setForeword(e.target.value)}
            data-testid="foreword"
          />
        </Form.Item>
        <Form.Item label={t('结语与工作要求', 'Conclusion')}>
          <Input.TextArea
            rows={3}
            count={{ show: true, max: 4000 }}
            value={conclusion}
            onChange={(e) => setConclusion(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('栏目顺序', 'Order of sections')}>
          <List
            size="small"
            bordered
            dataSource={order}
            renderItem={(key, k) => (
              <List.Item
                actions={[
                  <Button
                    key="up"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={k === 0}
                    onClick={() => move(k, -1)}
                    aria-label={t('上移', 'Up')}
                  />,
                  <Button
                    key="down"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={k === order.length - 1}
                    onClick={() => move(k, 1)}
                    aria-label={t('下移', 'Down')}
                  />,
                ]}
              >
                {k + 1}. {lbl(BULLETIN_SECTIONS, key)}
              </List.Item>
            )}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
