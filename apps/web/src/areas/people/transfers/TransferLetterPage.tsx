/**
 * The introduction letter (中国共产党党员组织关系介绍信) of a transfer, to print on A4 (`/transfers/:id/letter`):
 * the stub kept by the issuer, the letter itself in the national wording, and the return slip (回执) the
 * receiving unit sends back. The print button prints this page alone (the console's frame is hidden when printing).
 */
import { Button, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ETHNICITIES, GENDERS, MEMBER_STATUSES } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { ErrorResult } from '../../../components/States';
import type { TransferLetter } from './transferModel';
import './TransferLetter.css';

const ymd = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const ym = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/** The letter page. */
export default function TransferLetterPage() {
  const t = useT();
  const lbl = useLabel();
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['transfer-letter', id],
    queryFn: ({ signal }) => api.get<TransferLetter>(`/api/transfers/${id}/letter`, undefined, signal),
  });
  usePageCrumb(t('组织关系介绍信', 'Introduction letter'));
  if (q.error) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  const l = q.data;
  if (!l) return null;
  const ethnicity = l.ethnicity ? `，${lbl(ETHNICITIES, l.ethnicity)}` : '';
  const age = l.age != null ? `，${l.age}岁` : '';
  // The statuses read 正式党员 / 预备党员 already.
  const status = lbl(MEMBER_STATUSES, l.memberStatus);
  const who = `${l.name}同志（${lbl(GENDERS, l.gender)}${age}${ethnicity}，${status}，身份证号码 ${l.idNumber}）`;
  return (
    <div className="tr-letter-page">
      <Space className="tr-letter-tools">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {t('打印', 'Print')}
        </Button>
        <span className="dj-muted">
          {t('A4 纵向打印；三联沿虚线裁开', 'Print on A4 portrait; cut along the dashed lines')}
        </span>
      </Space>
      <article className="tr-letter" data-testid="letter" lang="zh-CN">
        <section className="tr-part">
          <h2>中国共产党党员组织关系介绍信（存根）</h2>
          <p className="tr-no">第 {l.letterNo} 号</p>
          <p>
            {who}，由 {l.fromOrgName} 转到 {l.toOrgName}。
          </p>
          <p>党费已交到 {ym(l.duesPaidTo)}。</p>
          <p className="tr-right">{ymd(l.issuedOn)}</p>
        </section>
        <section className="tr-part">
          <h2>中国共产党党员组织关系介绍信</h2>
          <p className="tr-no">第 {l.letterNo} 号</p>
          <p>{l.toOrgName}：</p>
          <p className="tr-indent">
            兹介绍{who}的党员组织关系转去你处，请查收。该同志党费已交到 {ym(l.duesPaidTo)}。
          </p>
          <p className="tr-indent">
            （有效期 {l.validDays} 天，至 {ymd(l.validUntil)}）
          </p>
          {l.toAddress ? <p className="tr-indent">接收单位地址：{l.toAddress}</p> : null}
          <p className="tr-right">
            中共{l.issuerName.replace(/^中共/, '')}（盖章）
            <br />
            {ymd(l.issuedOn)}
          </p>
          <p className="tr-small">党员联系电话或其他联系方式：__________　　党员原所在基层党委通讯地址：__________</p>
        </section>
        <section className="tr-part">
          <h2>中国共产党党员组织关系介绍信（回执）</h2>
          <p className="tr-no">第 {l.letterNo} 号</p>
          <p>{l.issuerName}：</p>
          <p className="tr-indent">{l.name} 同志的党员组织关系已转达我处，特此回复。</p>
          <p className="tr-right">
            接收党组织（盖章）
            <br />
            年　　月　　日
          </p>
        </section>
      </article>
    </div>
  );
}
