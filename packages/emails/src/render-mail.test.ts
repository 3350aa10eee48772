import { describe, expect, it } from 'vitest';
import { AppError } from '@plinth/core/errors';
import { mailTemplateNames, type MailTemplateData, type MailTemplateName } from '@plinth/core/mail';
import { renderMail } from './index';

// Token links carry `&`, which HTML escapes; the plain-text part must keep it as is.
const link = (path: string) =>
  `http://localhost:3000/api/auth/${path}?token=tok_${path}_123&callbackURL=%2Fapp`;
const inHtml = (url: string) => url.replaceAll('&', '&amp;');

const samples: { [T in MailTemplateName]: { data: MailTemplateData[T]; url?: string; subject: RegExp } } = {
  'verify-email': {
    data: { name: 'Olivia Owner', url: link('verify-email') },
    url: link('verify-email'),
    subject: /confirm your email/i,
  },
  'reset-password': {
    data: { name: 'Olivia Owner', url: link('reset-password') },
    url: link('reset-password'),
    subject: /reset your .* password/i,
  },
  'magic-link': { data: { url: link('magic-link') }, url: link('magic-link'), subject: /sign-in link/i },
  'new-sign-in': {
    data: {
      name: 'Olivia Owner',
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (Macintosh) Firefox/133.0',
      at: '2025-11-23T13:40:00.000Z',
    },
    subject: /new sign-in/i,
  },
  lockout: {
    data: { name: 'Olivia Owner', until: '2025-11-23T14:10:00.000Z', resetUrl: link('reset-password') },
    url: link('reset-password'),
    subject: /locked/i,
  },
  'account-exists': {
    data: {
      name: 'Olivia Owner',
      signInUrl: 'http://localhost:3000/sign-in?x=1&y=2',
      resetUrl: 'http://localhost:3000/forgot-password?x=1&y=2',
    },
    url: 'http://localhost:3000/sign-in?x=1&y=2',
    subject: /already have/i,
  },
  'change-email-approval': {
    data: {
      name: 'Olivia Owner',
      newEmail: 'olivia@new.example',
      url: link('verify-email'),
      secureUrl: 'http://localhost:3000/forgot-password?x=1&y=2',
    },
    url: link('verify-email'),
    subject: /approve the new email/i,
  },
  invitation: {
    data: {
      workspaceName: 'Acme Inc.',
      inviterName: 'Olivia Owner',
      role: 'admin',
      url: 'http://localhost:3000/invitations/accept?token=inv_abc&x=1',
      expiresAt: '2025-11-30T13:40:00.000Z',
    },
    url: 'http://localhost:3000/invitations/accept?token=inv_abc&x=1',
    subject: /invited you to Acme/i,
  },
  'billing-payment-failed': {
    data: {
      workspaceName: 'Acme Inc.',
      amountDue: 4900,
      currency: 'eur',
      invoiceUrl: 'https://invoice.stripe.com/i/acct_1/test_inv?s=ap&x=1',
      nextAttemptAt: '2025-11-26T13:40:00.000Z',
    },
    url: 'https://invoice.stripe.com/i/acct_1/test_inv?s=ap&x=1',
    subject: /payment failed for Acme/i,
  },
  'billing-payment-action-required': {
    data: {
      workspaceName: 'Acme Inc.',
      amountDue: 4900,
      currency: 'usd',
      invoiceUrl: 'https://invoice.stripe.com/i/acct_1/test_inv?s=ap&x=2',
    },
    url: 'https://invoice.stripe.com/i/acct_1/test_inv?s=ap&x=2',
    subject: /confirm your payment/i,
  },
  'billing-trial-ending': {
    data: {
      workspaceName: 'Acme Inc.',
      planName: 'Pro',
      trialEndsAt: '2025-11-30T13:40:00.000Z',
      billingUrl: 'http://localhost:3000/w/acme/settings/billing?from=mail&x=1',
    },
    url: 'http://localhost:3000/w/acme/settings/billing?from=mail&x=1',
    subject: /Pro trial ends soon/i,
  },
  'billing-subscription-canceled': {
    data: {
      workspaceName: 'Acme Inc.',
      planName: 'Pro',
      billingUrl: 'http://localhost:3000/w/acme/settings/billing?from=mail&x=2',
    },
    url: 'http://localhost:3000/w/acme/settings/billing?from=mail&x=2',
    subject: /subscription for Acme Inc\. has ended/i,
  },
  'webhook-endpoint-disabled': {
    data: {
      workspaceName: 'Acme Inc.',
      endpointUrl: 'https://hooks.acme.test/plinth',
      webhooksUrl: 'http://localhost:3000/w/acme/settings/webhooks?from=mail&x=3',
    },
    url: 'http://localhost:3000/w/acme/settings/webhooks?from=mail&x=3',
    subject: /webhook endpoint.*disabled/i,
  },
  notification: {
    data: {
      title: 'Your role in Acme Inc. changed',
      body: 'Your role in Acme Inc. is now admin; it was member.',
      url: 'http://localhost:3000/w/acme?from=mail&x=4',
      action: 'Open Acme Inc.',
    },
    url: 'http://localhost:3000/w/acme?from=mail&x=4',
    subject: /role in Acme Inc\. changed/,
  },
  'notification-digest': {
    data: {
      categoryLabel: 'Workspaces',
      items: [{ title: 'You were removed from Acme Inc.', url: 'http://localhost:3000/app?x=5' }],
      more: 2,
      inboxUrl: 'http://localhost:3000/notifications?x=6',
    },
    url: 'http://localhost:3000/notifications?x=6',
    subject: /3 notifications/,
  },
};

describe('renderMail', () => {
  it.each(mailTemplateNames)(
    'renders %s with a subject, an HTML body and a plain-text body',
    async (name) => {
      const sample = samples[name];
      const mail = await renderMail(name, sample.data as never);
      expect(mail.subject).toMatch(sample.subject);
      expect(mail.html).toMatch(/^<!DOCTYPE html/);
      expect(mail.html).toContain('<html dir="ltr" lang="en">');
      for (const part of [mail.subject, mail.html, mail.text]) {
        expect(part).not.toMatch(/undefined|null|NaN|\[object Object\]/);
      }
      expect(mail.text).not.toMatch(/<[a-z][^>]*>/i);
      if (sample.url) {
        // A button and the raw link to copy, in HTML; the link itself in the text part.
        expect(mail.html).toContain(`href="${inHtml(sample.url)}"`);
        expect(mail.html.split(inHtml(sample.url)).length - 1).toBeGreaterThanOrEqual(3);
        expect(mail.text).toContain(sample.url);
      }
    },
  );

  it('tells the reader what to do if they did not ask for the mail', async () => {
    for (const name of mailTemplateNames) {
      const mail = await renderMail(name, samples[name].data as never);
      expect(mail.text, name).toMatch(/didn't ask for this|wasn't you|weren't these attempts yours/i);
    }
  });

  it('adds the unsubscribe link under the footer of both parts when given one, and only then', async () => {
    const unsubscribeUrl = 'http://localhost:3000/unsubscribe?token=abc.def&x=1';
    const mail = await renderMail('notification', samples.notification.data, { unsubscribeUrl });
    expect(mail.html).toContain(`href="${inHtml(unsubscribeUrl)}"`);
    expect(mail.html).toContain('Unsubscribe from these emails');
    expect(mail.text).toContain(`Unsubscribe from these emails:\n${unsubscribeUrl}`);
    const plain = await renderMail('notification', samples.notification.data);
    expect(plain.html).not.toContain('Unsubscribe');
    expect(plain.text).not.toContain('Unsubscribe from');
  });

  it('greets by name, and still reads well without one', async () => {
    const named = await renderMail('verify-email', { name: 'Olivia', url: link('verify-email') });
    const nameless = await renderMail('verify-email', { name: '', url: link('verify-email') });
    expect(named.text).toMatch(/^Hi Olivia,/);
    expect(nameless.text).toMatch(/^Hi,/);
  });

  it('shows the sign-in details, with times in UTC', async () => {
    const mail = await renderMail('new-sign-in', samples['new-sign-in'].data);
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain('203.0.113.7');
      expect(part).toContain('Firefox/133.0');
      expect(part).toContain('23 November 2025 at 13:40 UTC');
    }
    const locked = await renderMail('lockout', samples.lockout.data);
    expect(locked.text).toContain('23 November 2025 at 14:10 UTC');
  });

  it('states billing amounts in the invoice currency and says when the card is tried again', async () => {
    const failed = await renderMail('billing-payment-failed', samples['billing-payment-failed'].data);
    for (const part of [failed.html, failed.text]) {
      expect(part).toContain('€49.00');
      expect(part).toContain('26 November 2025 at 13:40 UTC');
    }
    const final = await renderMail('billing-payment-failed', {
      ...samples['billing-payment-failed'].data,
      amountDue: 1200,
      currency: 'jpy',
      nextAttemptAt: null,
    });
    expect(final.text).toContain('¥1,200');
    expect(final.text).toMatch(/will not retry/);
    const trial = await renderMail('billing-trial-ending', samples['billing-trial-ending'].data);
    expect(trial.subject).toContain('Acme Inc.');
    expect(trial.text).toContain('30 November 2025');
  });

  it('renders every template in German for a German recipient, with German dates, money and plurals', async () => {
    for (const name of mailTemplateNames) {
      const [english, german] = await Promise.all([
        renderMail(name, samples[name].data as never),
        renderMail(name, samples[name].data as never, { locale: 'de' }),
      ]);
      expect(german.html, name).toContain('<html dir="ltr" lang="de">');
      expect(german.text, name).not.toBe(english.text);
      expect(german.text, name).toMatch(/Nicht angefordert|Das waren nicht Sie|nicht Ihre/);
      for (const part of [german.subject, german.html, german.text]) {
        expect(part).not.toMatch(/undefined|null|NaN|\[object Object\]/);
      }
    }
    const greeting = await renderMail(
      'verify-email',
      { name: 'Olivia', url: link('verify-email') },
      { locale: 'de' },
    );
    expect(greeting.text).toMatch(/^Hallo Olivia,/);
    const failed = await renderMail('billing-payment-failed', samples['billing-payment-failed'].data, {
      locale: 'de',
    });
    expect(failed.text).toContain('49,00\u00a0€');
    expect(failed.text).toContain('26. November 2025 um 13:40 UTC');
    const digest = await renderMail('notification-digest', samples['notification-digest'].data, {
      locale: 'de',
    });
    expect(digest.subject).toContain('3 Benachrichtigungen');
    const single = await renderMail(
      'notification-digest',
      {
        ...samples['notification-digest'].data,
        items: samples['notification-digest'].data.items.slice(0, 1),
        more: 0,
      },
      { locale: 'de' },
    );
    expect(single.subject).toContain('1 Benachrichtigung.');
    // The lines and the category are worded from each notification's type and parts; a type the
    // mail catalogs do not know keeps the English that came with it.
    const worded = await renderMail(
      'notification-digest',
      {
        categoryLabel: 'Workspaces',
        category: 'workspace',
        items: [
          {
            title: 'Your role in Acme Inc. is now admin (was member)',
            url: 'http://localhost:3000/w/acme',
            type: 'workspace.role_changed',
            params: { workspaceName: 'Acme Inc.', role: 'admin', previousRole: 'member' },
          },
          {
            title: 'Acme Inc.: the Pro trial ends on 2025-11-23',
            url: 'http://localhost:3000/w/acme/billing',
            type: 'billing.trial_ending',
            params: { workspaceName: 'Acme Inc.', planName: 'Pro', trialEndsAt: '2025-11-23T13:40:00.000Z' },
          },
          {
            title: 'Something of a kind we never heard of',
            url: 'http://localhost:3000/x',
            type: 'x.y',
            params: {},
          },
        ],
        more: 0,
        inboxUrl: 'http://localhost:3000/notifications',
      },
      { locale: 'de' },
    );
    expect(worded.text).toContain('- Ihre Rolle in Acme Inc. ist jetzt Admin (vorher Mitglied)');
    expect(worded.text).toContain('- Acme Inc.: Die Testphase für Pro endet am 23. November 2025');
    expect(worded.text).toContain('- Something of a kind we never heard of');
    expect(worded.html).toContain('Ihre Benachrichtigungen: Arbeitsbereiche');
    // The generic notification mail (a role change, a removal) in German, subject to button.
    const roleMail = await renderMail(
      'notification',
      {
        ...samples.notification.data,
        type: 'workspace.role_changed',
        params: { workspaceName: 'Acme Inc.', role: 'admin', previousRole: 'member' },
      },
      { locale: 'de' },
    );
    expect(roleMail.subject).toBe('Ihre Rolle in Acme Inc. hat sich geändert');
    expect(roleMail.text).toContain('Ihre Rolle in Acme Inc. ist jetzt Admin; vorher war sie Mitglied.');
    expect(roleMail.text).toContain('Acme Inc. öffnen:\nhttp://localhost:3000/w/acme?from=mail&x=4');
    const removedMail = await renderMail(
      'notification',
      { ...samples.notification.data, type: 'workspace.removed', params: { workspaceName: 'Acme Inc.' } },
      { locale: 'de' },
    );
    expect(removedMail.subject).toBe('Sie wurden aus Acme Inc. entfernt');
    expect(removedMail.text).toContain('Sie sind nicht mehr Mitglied von Acme Inc.');
    // In English the catalog says what core says.
    const english = await renderMail('notification', {
      ...samples.notification.data,
      type: 'workspace.role_changed',
      params: { workspaceName: 'Acme Inc.', role: 'admin', previousRole: 'member' },
    });
    expect(english.subject).toBe(samples.notification.data.title);
    expect(english.text).toContain(`${samples.notification.data.body}\n`);
    expect(english.text).toContain(`${samples.notification.data.action}:\n`);
    const unsubscribed = await renderMail('notification', samples.notification.data, {
      locale: 'de',
      unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=abc',
    });
    expect(unsubscribed.text).toContain(
      'Diese E-Mails abbestellen:\nhttp://localhost:3000/unsubscribe?token=abc',
    );
  });

  it('falls back to English for a locale it does not have', async () => {
    const mail = await renderMail('magic-link', samples['magic-link'].data, { locale: 'fr' });
    expect(mail.html).toContain('lang="en"');
    expect(mail.subject).toMatch(/sign-in link/);
  });

  it('escapes what people typed, so a name cannot inject markup', async () => {
    const mail = await renderMail('reset-password', {
      name: '<img src=x onerror=alert(1)>',
      url: link('reset-password'),
    });
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses data that does not fit the template instead of sending "undefined"', async () => {
    const missing = renderMail('verify-email', { name: 'Olivia' } as never);
    await expect(missing).rejects.toBeInstanceOf(AppError);
    await expect(missing).rejects.toMatchObject({ fields: { url: expect.any(String) } });
    await expect(renderMail('magic-link', { url: 'javascript:alert(1)' as string })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { url: expect.any(String) },
    });
  });
});
