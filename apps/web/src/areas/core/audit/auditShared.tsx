/** Pieces shared by the audit page and the auditor's home: the chain check card and time formatting. */
import { Alert, Button, Card, Skeleton } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import type { AuditVerifyResult } from '../../../api/types';
import { useT } from '../../../app/i18n';

/** A timestamp in the local time zone, 24-hour clock. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '';
}

/** The result of `GET /api/audit/verify` (the hash chain check), with a button to run it again. */
export function ChainCheckCard() {
  const t = useT();
  const q = useQuery({
    queryKey: ['audit-verify'],
    queryFn: ({ signal }) => api.get<AuditVerifyResult>('/api/audit/verify', undefined, signal),
    staleTime: 0,
  });
  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyOutlined aria-hidden /> {t('审计链校验', 'Audit chain check')}
        </span>
      }
      extra={
        <Button size="small" onClick={() => q.refetch()} loading={q.isFetching}>
          {t('重新校验', 'Check again')}
        </Button>
      }
      data-testid="chain-check"
    >
      {q.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : q.error ? (
        <Alert type="error" showIcon title={(q.error as Error).message} />
      ) : q.data.ok ? (
        <Alert
          type="success"
          showIcon
          title={t(
            `审计链完整：已校验 ${q.data.checked} 条记录`,
            `The chain is intact: ${q.data.checked} records checked`,
          )}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('审计链校验失败：记录可能被篡改', 'The chain is broken: records may have been tampered with')}
          description={
            q.data.firstBroken
              ? t(
                  `第一处断裂：记录 #${q.data.firstBroken.id}（${q.data.firstBroken.reason}），已校验 ${q.data.checked} 条`,
                  `First break at record #${q.data.firstBroken.id} (${q.data.firstBroken.reason}); ` +
                    `${q.data.checked} checked`,
                )
              : undefined
          }
        />
      )}
    </Card>
  );
}
