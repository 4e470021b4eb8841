/**
 * The ballot (`/selections/:id/ballot`), phone first: the accepted candidates with their deeds, up to N ticked, one
 * ballot per account; once cast, the voter's own choices are shown and nothing can change.
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Empty, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime } from '../../../components/Timeline';
import { detailGate } from '../../residents/common/DetailParts';
import type { Ballot } from './selectionModel';

/** The ballot page. */
export default function BallotPage() {
  const t = useT();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const id = Number(useParams().id);
  const [picked, setPicked] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['selection-ballot', id],
    queryFn: ({ signal }) => api.get<Ballot>(`/api/selections/${id}/ballot`, undefined, signal),
  });
  usePageCrumb(t('投票', 'Ballot'));
  const gate = detailGate(q);
  if (gate || !q.data) return gate;
  const b = q.data;
  const cast = b.myChoices != null;
  const chosen = cast ? b.myChoices! : picked;
  const submit = () => {
    setBusy(true);
    api.post<Ballot>(`/api/selections/${id}/ballot`, { choices: picked }).then(
      (next) => {
        qc.setQueryData(['selection-ballot', id], next);
        qc.invalidateQueries({ queryKey: ['selections'] });
        message.success(t('投票成功', 'Your ballot is cast'));
        setBusy(false);
      },
      (e) => {
        message.error(e.message);
        setBusy(false);
      },
    );
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 640 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {b.title}
      </Typography.Title>
      {cast ? (
        <Alert
          type="success"
          showIcon
          title={t(
            `您已于 ${chinaDateTime(b.castAt)} 投票，每人只能投一次。`,
            `You voted at ${chinaDateTime(b.castAt)}; one ballot each.`,
          )}
        />
      ) : b.open ? (
        <Alert
          type="info"
          showIcon
          title={t(
            `每票最多选 ${b.maxChoices} 人，投票截止 ${b.voteTo}。投票内容保密，计票结果仅组织单位可见。`,
            `Choose up to ${b.maxChoices}; voting closes ${b.voteTo}. Your choices are secret.`,
          )}
        />
      ) : (
        <Alert type="warning" showIcon title={t('当前不在投票期内', 'Voting is not open now')} />
      )}
      {b.candidates.length === 0 ? (
        <Card>
          <Empty description={t('还没有候选人', 'No candidates yet')} />
        </Card>
      ) : null}
      <Checkbox.Group
        value={chosen}
        onChange={(v) => setPicked(v as number[])}
        disabled={cast || !b.open}
        style={{ width: '100%' }}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {b.candidates.map((c) => (
            <Card key={c.id} size="small" data-testid={`candidate-${c.id}`}>
              <Checkbox value={c.id} disabled={!chosen.includes(c.id) && chosen.length >= b.maxChoices}>
                <strong>{c.memberName}</strong> <span className="dj-muted">{c.orgName}</span>{' '}
                {c.category ? <Tag>{c.category}</Tag> : null}
              </Checkbox>
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 3, expandable: true, symbol: t('展开', 'More') }}
                style={{ margin: '8px 0 0' }}
              >
                {c.deeds}
              </Typography.Paragraph>
            </Card>
          ))}
        </Space>
      </Checkbox.Group>
      {!cast && b.open ? (
        <Button
          type="primary"
          block
          size="large"
          disabled={!picked.length}
          loading={busy}
          onClick={submit}
          data-testid="cast-ballot"
        >
          {t(`投票（已选 ${picked.length}/${b.maxChoices}）`, `Cast (${picked.length}/${b.maxChoices})`)}
        </Button>
      ) : null}
    </Space>
  );
}
