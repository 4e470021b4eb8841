/** The console home of a member: points to the phone pages, where members do their work. */
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { useMe } from '../../../app/session';

/** The member's console home. */
export default function MemberHome() {
  const t = useT();
  const { data: me } = useMe();
  return (
    <Result
      status="info"
      title={t(`您好，${me?.displayName ?? ''}`, `Hello, ${me?.displayName ?? ''}`)}
      subTitle={t(
        `所在组织：${me?.orgName ?? '—'}。个人档案和支部信息请在手机页面查看。`,
        `Organization: ${me?.orgName ?? '—'}. Your profile and branch are on the phone pages.`,
      )}
      extra={[
        <Button type="primary" key="m" href="/m/">
          {t('打开手机页面', 'Open the phone pages')}
        </Button>,
        <Link key="o" to="/orgs">
          {t('查看组织架构', 'Browse organizations')}
        </Link>,
      ]}
    />
  );
}
