/** What `dangjian serve` tells a newcomer once it listens: where to open it, and how to sign in to the demo. */
import { ROLES } from '@dangjian/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/load.js';

/** The address a browser on this machine opens: a wildcard host is reached as localhost. */
export function openUrl(host: string, port: number, publicUrl: string | null): string {
  if (publicUrl) return publicUrl;
  const h = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

/**
 * The lines of the start banner: the console and phone addresses and, when the demo accounts exist, each account
 * with its role and the shared password.
 */
export function startBanner(url: string, demoUsers: readonly string[], ready: string): string[] {
  const lines = [
    `党建工作平台 Dangjian is ready（${ready}）`,
    `  电脑端 Console:  ${url}/`,
    `  手机端 Phone:    ${url}/m/`,
  ];
  const accounts = DEMO_ACCOUNTS.filter((a) => demoUsers.includes(a.username));
  if (accounts.length) {
    lines.push(`  演示账号 Demo accounts（密码 password: ${DEMO_PASSWORD}）:`);
    const width = Math.max(...accounts.map((a) => a.username.length));
    for (const a of accounts) lines.push(`    ${a.username.padEnd(width)}  ${ROLES[a.role].zh} ${ROLES[a.role].en}`);
    lines.push('  正式使用前请删除演示数据或修改密码 Before real use, remove the demo data or change the passwords.');
  }
  return lines;
}
