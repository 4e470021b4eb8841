/**
 * An accountability record (`/accountability/:id`): its kind, target, the organization it counts under, what it
 * came from (linked), the reason, who decided and when, and its files (scanned decisions) — added and removed by
 * those holding `accountability.write`; edit, delete and restore.
 */
import { Button, Card, Descriptions, Space, Tag, Upload } from 'antd';
import { EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { ACCOUNTABILITY_FILES_MAX, ACCOUNTABILITY_KINDS, ACCOUNTABILITY_TARGETS } from '@dangjian/contracts';
import { messageOf, readCookie } from '../../../api/client';
import { useLabel, useLocale, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { hasCap, useMe } from '../../../app/session';
import { useFeedback } from '../../../components/feedback';
import { chinaDateTime } from '../../../components/Timeline';
import { DetailHead, detailGate, useRecordDetail } from '../../residents/common/DetailParts';
import { PhotoStrip, RecycleButton } from '../problems/parts';
import { type AccountabilityItem, KIND_COLORS, targetOf } from './accountabilityModel';

/** The accountability detail page. */
export default function AccountabilityDetailPage() {
  const t = useT();
  const lbl = useLabel();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { q, changed } = useRecordDetail<AccountabilityItem>('accountability-record', 'accountability', id);
  const r = q.data;
  const title = r
    ? t(`${lbl(ACCOUNTABILITY_KINDS, r.kind)}：${targetOf(r)}`, `${lbl(ACCOUNTABILITY_KINDS, r.kind)}: ${targetOf(r)}`)
    : undefined;
  usePageCrumb(title);
  const gate = detailGate(q);
  if (gate || !r) return gate;
  const deleted = !!r.deletedAt;
  const canWrite = hasCap(me, 'accountability.write') && !deleted;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <DetailHead
          testId="accountability-title"
          title={title}
          tags={
            <>
              <Tag color={KIND_COLORS[r.kind]}>
                {lbl(ACCOUNTABILITY_KINDS, r.kind)}
                {r.subKind ? `·${r.subKind}` : ''}
              </Tag>
              <span className="dj-muted">{lbl(ACCOUNTABILITY_TARGETS, r.targetKind)}</span>
            </>
          }
          actions={
            <>
              {canWrite ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/accountability/${id}/edit`)}>
                  {t('修改', 'Edit')}
                </Button>
              ) : null}
              <RecycleButton
                path={`/api/accountability/${id}`}
                capability="accountability.write"
                deleted={deleted}
                confirm={t('删除这条误录的问责记录？', 'Delete this mistaken record?')}
                onChanged={changed}
              />
            </>
          }
          deletedNote={
            deleted ? t(`已于 ${chinaDateTime(r.deletedAt)} 删除`, `Deleted on ${chinaDateTime(r.deletedAt)}`) : null
          }
        />
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('问责对象', 'Target')}>{targetOf(r)}</Descriptions.Item>
          <Descriptions.Item label={t('所属组织', 'Counted under')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('决定单位', 'Decided by')}>{r.decidedByName}</Descriptions.Item>
          <Descriptions.Item label={t('问责日期', 'Decided on')}>{r.decidedOn}</Descriptions.Item>
          <Descriptions.Item label={t('关联', 'Linked to')} span={2}>
            <Space wrap>
              {r.problemId ? <Link to={`/problems/${r.problemId}`}>{t('整改问题', 'The problem')}</Link> : null}
              {r.inspectionId ? (
                <Link to={`/inspections/${r.inspectionId}`}>
                  {r.inspectionTitle ?? t('督查检查', 'The inspection')}
                </Link>
              ) : null}
              {r.markId ? <span>{t('发展党员督查标记（约谈书记）', 'A development supervision mark')}</span> : null}
              {!r.problemId && !r.inspectionId && !r.markId ? '—' : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('问责事由', 'Reason')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t(`文书（${r.files.length}）`, `Files (${r.files.length})`)}>
        <PhotoStrip photos={r.files} alt={t('问责文书', 'File')} empty={t('没有文书', 'No files')} />
        {canWrite && r.files.length < ACCOUNTABILITY_FILES_MAX ? (
          <div style={{ marginTop: 12 }}>
            <Upload
              accept="image/jpeg,image/png"
              name="file"
              action={`/api/accountability/${id}/photos`}
              headers={{
                'x-csrf-token': readCookie('dj_csrf') ?? '',
                'Accept-Language': locale,
                Accept: 'application/json',
              }}
              withCredentials
              showUploadList={false}
              onChange={({ file }) => {
                if (file.status === 'done') changed();
                if (file.status === 'error') {
                  const err = (file.response as { error?: { code?: string; message?: string } } | undefined)?.error;
                  message.error(err?.code ? messageOf(err.code, err.message) : t('上传失败', 'Upload failed'));
                }
              }}
            >
              <Button icon={<UploadOutlined />}>{t('上传文书扫描件', 'Upload a scanned file')}</Button>
            </Upload>
            <p className="dj-muted" style={{ margin: '8px 0 0', fontSize: 13 }}>
              {t('JPEG 或 PNG 扫描件', 'Scans as JPEG or PNG')}
            </p>
          </div>
        ) : null}
      </Card>
    </Space>
  );
}
