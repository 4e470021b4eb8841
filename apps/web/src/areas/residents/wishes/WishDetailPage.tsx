/**
 * A wish in full (`/wishes/:id`): the record, its timeline and photos; the moves the server allows this user
 * (WorkflowActionBar: claim, fulfil, release, confirm); delete and restore.
 */
import { Card, Col, Descriptions, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { WISH_FLOW, WISH_KINDS, WISH_SOURCES, WISH_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { useFeedback } from '../../../components/feedback';
import { WorkflowActionBar } from '../../../components/WorkflowActionBar';
import { chinaDateTime, photoCount, type WishDetail } from '../requests/requestModel';
import { EventTimeline, WishStatusTag } from '../requests/RequestParts';
import { DeleteRestoreButton, DetailHead, detailGate, useRecordDetail } from '../common/DetailParts';

/** What each move says once made. */
const DONE: Record<string, { zh: string; en: string }> = {
  claim: { zh: '已认领', en: 'Claimed' },
  fulfil: { zh: '已完成，等待群众确认', en: 'Fulfilled; awaiting the resident' },
  release: { zh: '已放弃认领', en: 'Released' },
  confirm: { zh: '已确认', en: 'Confirmed' },
};

/** The wish detail page. */
export default function WishDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { message } = useFeedback();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { q, changed } = useRecordDetail<WishDetail>('wish', 'wishes', id);
  const w = q.data;
  usePageCrumb(w?.title);

  const gate = detailGate(q);
  if (gate || !w) return gate;
  const deleted = !!w.deletedAt;
  const photos = Array.isArray(w.photos) ? w.photos : (w.photoList ?? []);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="wish-title"
          title={<>{w.title}</>}
          tags={
            <>
              <WishStatusTag status={w.status} />
              <span className="dj-muted">
                {lbl(WISH_KINDS, w.kind)} · {w.orgName} · {chinaDateTime(w.createdAt)}
              </span>
            </>
          }
          actions={
            <>
              <WorkflowActionBar
                actions={deleted ? [] : w.actions}
                moves={WISH_FLOW.actions}
                note="none"
                primary={['claim', 'fulfil']}
                fields={{ note: { label: { zh: '完成情况', en: 'How it was fulfilled' } } }}
                run={(move, input) => api.post(`/api/wishes/${id}/${move}`, input)}
                onDone={(move) => {
                  message.success(DONE[move] ? t(DONE[move].zh, DONE[move].en) : t('已保存', 'Saved'));
                  changed();
                }}
              />
              <DeleteRestoreButton
                path={`/api/wishes/${id}`}
                deleted={deleted}
                confirm={t('删除这条心愿？', 'Delete this wish?')}
                onChanged={changed}
              />
            </>
          }
          deletedNote={deleted ? t('此心愿已删除', 'This wish is deleted') : null}
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('群众', 'Resident')}>{w.residentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('联系电话', 'Phone')}>{w.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('来源', 'Posted via')}>{lbl(WISH_SOURCES, w.postedVia)}</Descriptions.Item>
          <Descriptions.Item label={t('认领党员', 'Claimed by')}>{w.claimedBy?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('认领时间', 'Claimed')}>{chinaDateTime(w.claimedAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('完成时限', 'Fulfil by')}>
            {w.status === 'claimed' ? chinaDateTime(w.claimDueAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('完成时间', 'Fulfilled')}>
            {chinaDateTime(w.fulfilledAt) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('群众确认', 'Confirmed')}>
            {chinaDateTime(w.confirmedAt) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('照片', 'Photos')}>{photoCount(w.photos)}</Descriptions.Item>
        </Descriptions>
        <Descriptions bordered size="small" column={1} style={{ marginTop: 12 }} styles={{ label: { width: 110 } }}>
          <Descriptions.Item label={t('内容', 'Description')}>
            <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{w.description}</p>
          </Descriptions.Item>
          <Descriptions.Item label={t('完成情况', 'How it was fulfilled')}>
            {w.fulfilNote ? <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{w.fulfilNote}</p> : '—'}
          </Descriptions.Item>
        </Descriptions>
        {photos.length ? (
          <div className="sv-photos" style={{ marginTop: 12 }}>
            {photos.map((p) => (
              <a key={p.id} href={p.url ?? `/api/wishes/${w.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
                <img
                  src={p.url ?? `/api/wishes/${w.id}/photos/${p.id}`}
                  alt={t(`心愿照片 ${p.id}`, `Photo ${p.id}`)}
                  loading="lazy"
                />
              </a>
            ))}
          </div>
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('办理过程', 'Timeline')}>
            <EventTimeline events={w.events} states={WISH_STATUSES} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
