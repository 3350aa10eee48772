import { defineQueue, type JobHandler, type JobQueue, type SqlExecutor } from '../jobs/index';
import type { Logger } from '../logger/index';
import { parseMailRequest } from './schemas';
import type { MailRenderer, MailRequest, Mailer, MailTemplateName, MailUnsubscribeTarget } from './types';

/**
 * Mail leaves through this queue, never from a request: the response does not wait on SMTP (nor
 * reveal, by its timing, whether an address exists), and a crash or an SMTP outage delays mail
 * instead of losing it. Retries back off from 30 s (about 15 min in all), then the dead letters.
 */
export const mailQueue = defineQueue({
  name: 'mail.send',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
});

export interface SendMailJobDeps {
  mailer: Mailer;
  renderMail: MailRenderer;
  logger: Logger;
  /**
   * The signed unsubscribe links for a mail that carries an unsubscribe target (the notifications
   * module's `unsubscribeLinks`): the one-click URL for the header, the page for the footer.
   * Without it such mail goes out without them.
   */
  unsubscribeLinks?: (target: MailUnsubscribeTarget) => { oneClick: string; page: string };
  /**
   * The recipient's saved language, by address (identity's localeOfEmail): mail is rendered in it.
   * null (no account yet, as for an invitation, or no choice) and no function at all mean English.
   */
  recipientLocale?: (to: string) => Promise<string | null>;
}

/**
 * The mail.send worker: checks the job, renders its template, hands it to the mailer. Logs the
 * template and a masked recipient only: bodies and links carry sign-in tokens.
 */
export function sendMailJob(deps: SendMailJobDeps): JobHandler<unknown> {
  const logger = deps.logger.child({ component: 'mail' });
  return async (data, job) => {
    const request = parseMailRequest(data);
    const links =
      request.unsubscribe && deps.unsubscribeLinks ? deps.unsubscribeLinks(request.unsubscribe) : undefined;
    const locale = deps.recipientLocale ? await deps.recipientLocale(request.to) : null;
    const rendered = await deps.renderMail(request.template, request.data, {
      ...(links ? { unsubscribeUrl: links.page } : {}),
      locale,
    });
    await deps.mailer.send({
      to: request.to,
      ...rendered,
      tag: request.template,
      // RFC 8058: a mail client may offer "Unsubscribe" and POST `List-Unsubscribe=One-Click` to
      // this HTTPS URL, without a session; the token in it is the authority.
      ...(links
        ? {
            headers: {
              'List-Unsubscribe': `<${links.oneClick}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          }
        : {}),
    });
    logger.info(
      {
        template: request.template,
        to: maskEmail(request.to),
        locale: locale ?? 'en',
        job_id: job.id,
        attempt: job.retryCount + 1,
      },
      'mail sent',
    );
  };
}

/**
 * Queues one message. With `executor` the job joins that open transaction (it exists if and only
 * if the transaction commits); with `id` a second call with the same id is a no-op. Throws AppError
 * for an invalid request, before anything is queued.
 */
export async function queueMail<T extends MailTemplateName>(
  jobs: JobQueue,
  request: MailRequest<T>,
  options: { executor?: SqlExecutor; id?: string } = {},
): Promise<string | null> {
  const checked = parseMailRequest(request);
  return jobs.send(mailQueue.name, checked, options);
}

/** `olivia.owner@acme.test` → `o***@acme.test`: enough to follow a message in the logs. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

/**
 * What a mail.send job may show in a log line (the dead-letter handler logs job data): the template
 * and masked recipient, never the data, whose links carry tokens.
 */
export function describeMailJob(data: unknown): { template: unknown; to: string } | undefined {
  if (typeof data !== 'object' || data === null || !('template' in data) || !('to' in data)) return undefined;
  return { template: data.template, to: typeof data.to === 'string' ? maskEmail(data.to) : '***' };
}
