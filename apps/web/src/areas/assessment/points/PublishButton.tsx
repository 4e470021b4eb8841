/**
 * 公示月度积分: a branch publishes a month of its points. The dialog names the branch (the secretary's own by
 * default) and the month, says whether it is published and how many disputes wait, and publishes: frozen from then.
 */
import { useState } from 'react';
import { Alert, Button, Modal, Select, Space } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { chinaToday, type PointMonthStateT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { ErrorAlert } from '../../../components/form/ErrorAlert';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { recentMonths } from './pointModel';

/** The button and its dialog (shown to who may publish). */
export function PublishButton() {
  const t = useT();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const [orgId, setOrgId] = useState<number | null>(null);
  const [month, setMonth] = useState(recentMonths(chinaToday(), 2)[1]!);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const org = orgId ?? (me?.role === 'branch_secretary' ? me.orgId : null);
  const state = useQuery({
    queryKey: ['points-month', org, month],
    queryFn: ({ signal }) => api.get<PointMonthStateT>('/api/points/months', { org: org!, month }, signal),
    enabled: open && !!org,
  });
  if (!hasCap(me, 'points.write')) return null;
  async function publish() {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/points/months', { orgId: org, month });
      message.success(t('已公示，该月积分已冻结', 'Published: the month is frozen'));
      qc.invalidateQueries({ queryKey: ['/api/points'] });
      void state.refetch();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const s = state.data;
  return (
    <>
      <Button icon={<NotificationOutlined />} onClick={() => setOpen(true)} data-testid="points-publish">
        {t('公示月度积分', 'Publish a month')}
      </Button>
      <Modal
        open={open}
        title={t('公示月度积分', 'Publish a month')}
        onCancel={() => setOpen(false)}
        okText={t('公示', 'Publish')}
        cancelText={t('关闭', 'Close')}
        okButtonProps={
          {
            disabled: !org || !s || s.published || s.openDisputes > 0,
            loading: busy,
            'data-testid': 'points-publish-ok',
          } as never
        }
        onOk={publish}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <OrgTreeSelect
            value={org}
            valueLabel={me?.role === 'branch_secretary' ? (me.orgName ?? undefined) : undefined}
            onChange={(id) => setOrgId(id)}
            placeholder={t('选择党支部', 'Choose a branch')}
            ariaLabel={t('党支部', 'Branch')}
            style={{ width: '100%' }}
          />
          <Select
            value={month}
            onChange={setMonth}
            options={recentMonths(chinaToday(), 12).map((m) => ({ value: m, label: m }))}
            aria-label={t('公示月份', 'Month')}
            style={{ width: 160 }}
            data-testid="points-publish-month"
          />
          {s ? (
            s.published ? (
              <Alert
                type="success"
                showIcon
                message={t(
                  `${month} 已于 ${s.publishedAt?.slice(0, 10)} 公示`,
                  `Published on ${s.publishedAt?.slice(0, 10)}`,
                )}
              />
            ) : s.openDisputes ? (
              <Alert
                type="warning"
                showIcon
                message={t(
                  `尚有 ${s.openDisputes} 条异议待答复，答复后才能公示`,
                  `${s.openDisputes} disputes wait for an answer`,
                )}
              />
            ) : (
              <Alert
                type="info"
                showIcon
                message={t(
                  '公示后该月积分冻结，党员不能再提出异议。',
                  'Once published the month is frozen: no more disputes.',
                )}
              />
            )
          ) : null}
          <ErrorAlert error={error} />
        </Space>
      </Modal>
    </>
  );
}
