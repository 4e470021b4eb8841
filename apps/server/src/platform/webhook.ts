/** Posts a message to a group robot (企业微信 WeCom or 钉钉 DingTalk) in its markdown message format. */
import type { Config } from '../config.js';

/** The JSON body a robot expects for a markdown message. */
export function robotMessage(kind: 'wecom' | 'dingtalk', title: string, text: string): unknown {
  if (kind === 'dingtalk') return { msgtype: 'markdown', markdown: { title, text: `### ${title}\n\n${text}` } };
  return { msgtype: 'markdown', markdown: { content: `### ${title}\n${text}` } };
}

/**
 * Sends one message; resolves false (never throws) when the robot cannot be reached, so reminders in the app still
 * stand.
 */
export async function sendRobot(
  webhook: NonNullable<Config['webhook']>,
  title: string,
  text: string,
): Promise<boolean> {
  try {
    const res = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(robotMessage(webhook.kind, title, text)),
      signal: AbortSignal.timeout(5000),
    });
    return res.ok;
  } catch {
    return false;
  }
}
