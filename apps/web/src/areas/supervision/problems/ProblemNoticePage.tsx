/**
 * The notice of a problem (问题整改交办单), to print on A4 (`/problems/:id/notice`): its number, the organization
 * it goes to, the problem, the deadline and the responsible person, the issuer's seal line, and the receipt
 * (签收回执) the organization signs and sends back. The print button prints this page alone.
 */
import { Button, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import { useT } from '../../../app/i18n';
import { usePageCrumb } from '../../../app/crumbs';
import { ErrorResult } from '../../../components/States';
import type { ProblemNotice } from './problemModel';
import './ProblemNotice.css';

const ymd = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The notice page. */
export default function ProblemNoticePage() {
  const t = useT();
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['problem-notice', id],
    queryFn: ({ signal }) => api.get<ProblemNotice>(`/api/problems/${id}/notice`, undefined, signal),
  });
  const n = q.data;
  // The crumbs read 问题整改 / the problem / 交办单.
  usePageCrumb(n?.title);
  if (q.error) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  if (!n) return null;
  return (
    <div className="pb-notice-page">
      <Space className="pb-notice-tools">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {t('打印', 'Print')}
        </Button>
        <span className="dj-muted">
          {t('A4 纵向打印；回执沿虚线裁开后交回', 'Print on A4 portrait; cut the receipt along the dashed line')}
        </span>
      </Space>
      <article className="pb-notice" data-testid="notice" lang="zh-CN">
        <h2>问题整改交办单</h2>
        <p className="pb-notice-no">{n.noticeNo}</p>
        <p>{n.orgName}：</p>
        <p className="pb-indent">
          经{n.sourceName}，发现你单位存在以下问题，现交办你单位限期整改。请认真研究制定整改措施，明确责任人，
          {n.dueOn ? `于 ${ymd(n.dueOn)} 前` : '按期'}整改到位，并将整改情况及佐证材料报送{n.issuerName}。
        </p>
        <table>
          <tbody>
            <tr>
              <th>问题类别</th>
              <td>{n.categoryName}</td>
            </tr>
            <tr>
              <th>问题名称</th>
              <td>{n.title}</td>
            </tr>
            <tr>
              <th>问题描述</th>
              <td className="pb-tall">{n.description ?? ''}</td>
            </tr>
            <tr>
              <th>发现日期</th>
              <td>{ymd(n.foundOn)}</td>
            </tr>
            <tr>
              <th>整改时限</th>
              <td>{n.dueOn ? `${ymd(n.dueOn)} 前` : ''}</td>
            </tr>
            <tr>
              <th>整改责任人</th>
              <td>{n.responsibleName}</td>
            </tr>
            <tr>
              <th>交办意见</th>
              <td className="pb-tall">{n.instructions ?? ''}</td>
            </tr>
            <tr>
              <th>整改措施</th>
              <td className="pb-tall">
                {n.measures.length
                  ? n.measures
                      .map(
                        (m, i) => `${i + 1}. ${m.content}（责任人：${m.ownerName}${m.dueOn ? `，${m.dueOn} 前` : ''}）`,
                      )
                      .join('\n')
                  : ''}
              </td>
            </tr>
          </tbody>
        </table>
        <p className="pb-right">
          {n.issuerName}（盖章）
          <br />
          {ymd(n.assignedOn)}
        </p>
        <section className="pb-receipt">
          <h3>签收回执</h3>
          <p>{n.issuerName}：</p>
          <p className="pb-indent">
            {n.noticeNo}交办的「{n.title}」问题已收悉，我单位将按期整改到位。
          </p>
          <p className="pb-right">
            签收人：__________　　{n.orgName}（盖章）
            <br />
            年　　月　　日
          </p>
        </section>
      </article>
    </div>
  );
}
