/**
 * The six-month list (`/dues/flags`): members who paid nothing for six complete months in a row without a recorded
 * reason (党章: 连续六个月不交纳党费 is dealt with by the branch). The branch records the reason from a row.
 */
import { useState } from 'react';
import { Button, Input } from 'antd';
import type { DuesFlagT } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLocale, useT } from '../../../app/i18n';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { FormModal } from '../../../components/FormModal';
import { Field } from '../../../components/form/Field';
import { type ListColumn, ListPage } from '../../../components/list/ListPage';
import { searchFilter } from '../../../components/list/listParts';
import { monthText, yuan } from './money';

type Flag = DuesFlagT & { id: number };

/** The flags page. */
export default function FlagsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const [explaining, setExplaining] = useState<{ flag: Flag; done: () => void } | null>(null);
  const columns: ListColumn<Flag>[] = [
    { title: t('党员', 'Member'), dataIndex: 'memberName', width: 110 },
    { title: t('所在党组织', 'Organization'), dataIndex: 'orgName', width: 200 },
    {
      title: t('连续未缴', 'Months unpaid'),
      dataIndex: 'unpaidMonths',
      width: 110,
      render: (v: number) => t(`${v} 个月`, `${v} months`),
    },
    { title: t('起始月份', 'Since'), dataIndex: 'since', width: 120, render: (v: string) => monthText(v, locale) },
    {
      title: t('欠缴（元）', 'Owed (元)'),
      dataIndex: 'owed',
      width: 110,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    { title: t('未缴原因', 'Reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <ListPage<Flag>
      title={t('半年未缴党费', 'Six months unpaid')}
      endpoint="/api/dues/flags"
      queryKey="dues-flags"
      rowKey="memberId"
      orgScoped
      filters={[
        searchFilter(t('搜索党员', 'Search members'), t('党员姓名', 'Member name'), { maxLength: 40 }),
        { kind: 'check', key: 'withReason', label: t('含已说明原因', 'Include explained') },
      ]}
      columns={columns}
      rowActions={(f, ctx) =>
        hasCap(me, 'dues.write') ? (
          <Button size="small" onClick={() => setExplaining({ flag: f, done: ctx.refresh })} data-testid="flag-reason">
            {f.reason ? t('修改原因', 'Change the reason') : t('登记原因', 'Record the reason')}
          </Button>
        ) : null
      }
      total={{ testId: 'flag-total', text: (n) => t(`共 ${n} 人`, `${n} members`) }}
      emptyText={t('没有连续六个月未交纳党费的党员', 'No member has gone six months without paying')}
    >
      {explaining ? (
        <FormModal
          title={t(`登记未缴原因：${explaining.flag.memberName}`, `Why ${explaining.flag.memberName} has not paid`)}
          initialValues={{ reason: explaining.flag.reason ?? undefined }}
          onSubmit={(body) => api.post(`/api/dues/flags/${explaining.flag.memberId}/reason`, body)}
          onSaved={() => {
            message.success(t('已登记原因', 'Reason recorded'));
            explaining.done();
            setExplaining(null);
          }}
          onClose={() => setExplaining(null)}
          notice={t(
            '有正当理由（如长期患病、经济困难）的，登记原因后不再列入提醒；无正当理由的，由支部按规定处理。',
            'With a good reason (long illness, hardship) the member leaves the list; without one the branch ' +
              'deals with it as the rules say.',
          )}
        >
          <Field name="reason" label={t('未缴原因', 'Reason')} required={t('请填写原因', 'Give the reason')} max={500}>
            <Input.TextArea rows={3} />
          </Field>
        </FormModal>
      ) : null}
    </ListPage>
  );
}
