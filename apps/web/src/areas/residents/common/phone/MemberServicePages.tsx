import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../../app/i18n';
import '../../../life/meetings/phone/meeting-pages.css';
import '../../wishes/phone/ResidentPages.css';
import { OpenWishes } from './OpenWishes';
import { MyClaims } from './MyClaims';
import { MyErrands } from './MyErrands';

/** A card on the member's home leading to the service pages. */
export function ServiceShortcut() {
  const t = useT();
  return (
    <section className="m-card" aria-label={t('为民服务', 'Serving residents')}>
      <h2>{t('为民服务', 'Serving residents')}</h2>
      <div className="r-seg">
        <Link to="/m/service?tab=open" data-testid="m-service-link">
          {t('认领心愿', 'Claim a wish')}
        </Link>
        <Link to="/m/service?tab=claims">{t('我的认领', 'My claims')}</Link>
        <Link to="/m/service?tab=errands">{t('我的代办', 'My errands')}</Link>
      </div>
    </section>
  );
}

/** `/m/service`: the three tabs of a member's service work. */
export function MemberServicePage() {
  const t = useT();
  const [params] = useSearchParams();
  const tab = params.get('tab') ?? 'open';
  const tabs: [string, string][] = [
    ['open', t('认领心愿', 'Claim a wish')],
    ['claims', t('我的认领', 'My claims')],
    ['errands', t('我的代办', 'My errands')],
  ];
  return (
    <>
      <nav className="r-seg" aria-label={t('为民服务', 'Serving residents')}>
        {tabs.map(([k, label]) => (
          <Link key={k} to={`/m/service?tab=${k}`} aria-current={tab === k ? 'page' : undefined} replace>
            {label}
          </Link>
        ))}
      </nav>
      {tab === 'claims' ? <MyClaims /> : tab === 'errands' ? <MyErrands /> : <OpenWishes />}
    </>
  );
}
