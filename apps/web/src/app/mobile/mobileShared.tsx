import { useLocale } from '../i18n';
import { useSwitchLocale } from '../session';
import './mobile.css';

/** The reason shown on the sign-in page for a code. */
export function reasonOf(code: string): string {
  return code === 'auth.session_expired' ? 'expired' : 'required';
}

/** The sign-in page's URL that comes back to `here` (a phone page) afterwards. */
export function loginUrl(code: string, here: string): string {
  const next =
    here.startsWith('/m/') && !here.startsWith('/m/login') && here !== '/m/' ? `&next=${encodeURIComponent(here)}` : '';
  return `/m/login?reason=${reasonOf(code)}${next}`;
}

/** Where to go after signing in: the `next` phone page, never another site. */
export function nextOf(params: URLSearchParams): string {
  const next = params.get('next') ?? '';
  return next.startsWith('/m/') && !next.startsWith('//') ? next : '/m/';
}

/** The language switch of the phone pages. */
export function LangButton({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale } = useLocale();
  const switchLocale = useSwitchLocale();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="m-lang"
      lang={next === 'en' ? 'en' : 'zh-CN'}
      onClick={() => (signedIn ? switchLocale(next) : setLocale(next))}
    >
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}
