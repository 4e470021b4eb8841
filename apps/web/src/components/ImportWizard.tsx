/**
 * The Excel import wizard every import uses: download the template → upload (dry run) → preview row errors → commit.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Result, Space, Statistic, Steps, Table, Typography, Upload, Row, Col } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, messageOf, request } from '../api/client';
import type { ReactNode } from 'react';
import type { ImportQueue, ImportReport } from '../api/types';
import { useT } from '../app/i18n';
import { usePageCrumb } from '../app/crumbs';
import { StatusAlert } from './form/StatusAlert';

/** Reads the import report out of a success answer or a 422 rejection. */
export function reportOf(e: unknown): ImportReport | null {
  if (!(e instanceof ApiError)) return null;
  const body = e.body as Partial<ImportReport> | undefined;
  if (body && Array.isArray(body.errors)) return body as ImportReport;
  const d = e.details as Partial<ImportReport> | undefined;
  if (d && Array.isArray(d.errors))
    return { ok: false, total: d.total ?? 0, valid: d.valid ?? 0, imported: 0, errors: d.errors };
  return null;
}

async function upload(url: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const fd = new FormData();
  fd.append('file', file, file.name);
  try {
    return await request<ImportReport>('POST', url, { body: fd, query: dryRun ? { dryRun: 'true' } : undefined });
  } catch (e) {
    const r = reportOf(e);
    if (r) return r;
    throw e;
  }
}

type QueueItem = ImportQueue['items'][number];

/** While `active`, the caller's own import in the county's queue (polled each second), or null. */
function useMyImport(active: boolean): QueueItem | null {
  const [mine, setMine] = useState<QueueItem | null>(null);
  useEffect(() => {
    if (!active) {
      setMine(null);
      return;
    }
    let stop = false;
    const poll = async () => {
      try {
        const q = await request<ImportQueue>('GET', '/api/imports/current');
        if (!stop) setMine(q.items.find((i) => i.mine) ?? null);
      } catch {
        /* the upload's own answer tells what went wrong */
      }
    };
    const timer = setInterval(poll, 1000);
    void poll();
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [active]);
  return mine;
}

/** What differs between one import and another: where it goes, what the rows are, the words. */
export interface ImportWizardProps {
  title: string;
  intro: string;
  templateUrl: string;
  uploadUrl: string;
  /** Column labels [zh, en] by the field name the report uses. */
  columnLabels: Record<string, [string, string]>;
  /** The error code of a rejected file. */
  rejectedCode: string;
  confirmLabel: (valid: number) => string;
  doneTitle: (imported: number) => string;
  doneLink: ReactNode;
  /** Query keys whose data the import changes. */
  invalidate: string[][];
}

/** The wizard for one kind of import. */
export function ImportWizard(props: ImportWizardProps) {
  const { columnLabels: COLUMN_LABELS } = props;
  const t = useT();
  const qc = useQueryClient();
  usePageCrumb(null);
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = useMyImport(busy);
  const progress = !mine
    ? null
    : mine.state === 'waiting'
      ? t(`排队中：本县前面还有 ${mine.position} 个导入`, `Waiting: ${mine.position} import(s) of the county ahead`)
      : mine.state === 'reading'
        ? t(`正在读取文件：已读 ${mine.rowsRead} 行`, `Reading the file: ${mine.rowsRead} rows so far`)
        : mine.state === 'checking'
          ? t(`正在检查 ${mine.rowsRead} 行`, `Checking ${mine.rowsRead} rows`)
          : t(`正在写入 ${mine.rowsRead} 行`, `Writing ${mine.rowsRead} rows`);

  async function check(f: File) {
    setFile(f);
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await upload(props.uploadUrl, f, true));
      setStep(2);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await upload(props.uploadUrl, file, false);
      if (r.ok) {
        setDone(r);
        setStep(3);
        for (const queryKey of props.invalidate) qc.invalidateQueries({ queryKey });
      } else setReport(r);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function restart() {
    setFile(null);
    setReport(null);
    setDone(null);
    setError(null);
    setStep(1);
  }

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {props.title}
      </Typography.Title>
      <Steps
        current={step}
        style={{ margin: '16px 0 24px' }}
        items={[
          { title: t('下载模板', 'Download template') },
          { title: t('上传文件', 'Upload') },
          { title: t('预览检查', 'Preview') },
          { title: t('完成', 'Done') },
        ]}
      />
      <StatusAlert text={error} gap={16} testId="import-error" />
      <StatusAlert text={busy ? progress : null} kind="progress" gap={16} testId="import-progress" />
      {step === 0 ? (
        <Space orientation="vertical" size={16}>
          <Typography.Paragraph>{props.intro}</Typography.Paragraph>
          <Space>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={props.templateUrl}
              download
              onClick={() => setStep(1)}
              data-testid="download-template"
            >
              {t('下载模板', 'Download the template')}
            </Button>
            <Button onClick={() => setStep(1)}>{t('已有模板，下一步', 'I have it, next')}</Button>
          </Space>
        </Space>
      ) : null}
      {step === 1 ? (
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            check(f as unknown as File);
            return false;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">
            {busy
              ? t('正在检查…', 'Checking…')
              : t('点击或拖入填好的Excel文件', 'Click or drop the filled-in Excel file')}
          </p>
          <p className="ant-upload-hint">{t('先做检查，不会写入任何数据', 'First a check: nothing is written yet')}</p>
        </Upload.Dragger>
      ) : null}
      {step === 2 && report ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('总行数', 'Rows')} value={report.total} />
            </Col>
            <Col span={8}>
              <Statistic title={t('可导入', 'Valid')} value={report.valid} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('有错误', 'With errors')}
                value={report.total - report.valid}
                styles={{ content: { color: report.errors.length ? '#a8071a' : undefined } }}
              />
            </Col>
          </Row>
          {report.errors.length ? (
            <>
              <Alert
                type="error"
                showIcon
                title={messageOf(props.rejectedCode)}
                description={t(
                  `共 ${report.errors.length} 处错误，请修改文件后重新上传。`,
                  `${report.errors.length} problems; fix the file and upload it again.`,
                )}
                data-testid="import-rejected"
              />
              <Table
                size="small"
                rowKey={(r, i) => `${r.row}-${r.field}-${i}`}
                dataSource={report.errors}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="import-errors"
                columns={[
                  { title: t('行号', 'Row'), dataIndex: 'row', width: 80 },
                  {
                    title: t('列', 'Column'),
                    dataIndex: 'field',
                    width: 160,
                    render: (v: string | null) => (v ? (COLUMN_LABELS[v] ? t(...COLUMN_LABELS[v]) : v) : '—'),
                  },
                  { title: t('问题', 'Problem'), dataIndex: 'code', render: (c: string, r) => messageOf(c, r.message) },
                ]}
              />
              <Button onClick={restart}>{t('重新上传', 'Upload again')}</Button>
            </>
          ) : (
            <>
              <Alert
                type="success"
                showIcon
                title={t(`检查通过：${report.valid} 行可以导入`, `Check passed: ${report.valid} rows can be imported`)}
                data-testid="import-ok"
              />
              <Space>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={commit}
                  disabled={report.valid === 0}
                  data-testid="import-commit"
                >
                  {props.confirmLabel(report.valid)}
                </Button>
                <Button onClick={restart}>{t('重新选择文件', 'Choose another file')}</Button>
              </Space>
            </>
          )}
        </Space>
      ) : null}
      {step === 3 && done ? (
        <Result
          status="success"
          title={props.doneTitle(done.imported)}
          data-testid="import-done"
          extra={[
            <span key="l">{props.doneLink}</span>,
            <Button key="a" onClick={restart}>
              {t('继续导入', 'Import more')}
            </Button>,
          ]}
        />
      ) : null}
    </Card>
  );
}
