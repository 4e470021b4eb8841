/** The console's Ant Design theme: Party red, contrast-checked text colours. */
import type { ThemeConfig } from 'antd';

export const PARTY_RED = '#b3141f';

/** The antd theme tokens of the console. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorLink: PARTY_RED,
    colorInfo: '#0958d9',
    // Darker status colours than antd's defaults so text in tags and danger buttons passes WCAG AA.
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBgHover: '#d9f7be',
    colorSuccessBorder: '#b7eb8f',
    colorError: '#c41d1d',
    colorErrorBg: '#fff1f0',
    colorErrorBgHover: '#ffccc7',
    colorErrorBorder: '#ffa39e',
    colorWarning: '#ad6800',
    colorWarningBg: '#fffbe6',
    colorWarningBgHover: '#fff1b8',
    colorWarningBorder: '#ffe58f',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 6,
    // Darker secondary text than antd's default so it passes WCAG AA on white and grey.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.5)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px' },
  },
};

/** The console theme, without animations when the person asked the system for reduced motion. */
export function consoleTheme(): ThemeConfig {
  const reduce = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  return reduce ? { ...theme, token: { ...theme.token, motion: false } } : theme;
}
