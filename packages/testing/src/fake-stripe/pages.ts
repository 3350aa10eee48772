import type { FakeStripeEngine, PaymentBehavior } from './engine';
import { periodEnd } from './engine';
import { formatMoney } from './objects';
import { FakeStripeError, type WireInvoice, type WirePrice, type WireSubscription } from './wire';

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The hosted pages a developer clicks through without Stripe keys: checkout (`/checkout/:id`),
 * the customer portal (`/portal/:id`) and invoices (`/invoices/:id`). Forms post back to the same
 * paths; every change goes through the engine exactly like the API and the controls.
 */
export async function handlePage(
  engine: FakeStripeEngine,
  method: string,
  url: URL,
  body: string,
  afterChange: () => Promise<void>,
): Promise<PageResponse | undefined> {
  const [, kind, id, action] = url.pathname.split('/');
  if (!id || !['checkout', 'portal', 'invoices'].includes(kind ?? '')) return undefined;
  const form = new URLSearchParams(body);
  try {
    if (kind === 'checkout') {
      if (method === 'GET' && !action) return html(checkoutPage(engine, id));
      if (method === 'POST' && action === 'pay') {
        const outcome = (form.get('outcome') ?? 'succeeds') as PaymentBehavior;
        const session = engine.checkoutSessionOrThrow(id);
        if (session.status === 'open') engine.completeCheckout(id, outcome);
        await afterChange();
        return redirect((session.success_url ?? '/').replaceAll('{CHECKOUT_SESSION_ID}', id));
      }
    }
    if (kind === 'portal') {
      const session = engine.portalSessions.get(id);
      if (!session)
        return html(page('Portal session not found', `<p>No such portal session: ${escape(id)}</p>`), 404);
      if (method === 'GET' && !action) return html(portalPage(engine, id));
      if (method === 'POST' && action) {
        portalAction(engine, id, action, form);
        await afterChange();
        return redirect(`/portal/${id}`);
      }
    }
    if (kind === 'invoices') {
      if (method === 'GET' && !action) return html(invoicePage(engine, id));
      if (method === 'POST' && action === 'pay') {
        engine.payInvoice(id, 'succeeds');
        await afterChange();
        return redirect(`/invoices/${id}`);
      }
    }
  } catch (error) {
    if (error instanceof FakeStripeError) {
      return html(
        page('Something went wrong', `<p class="error">${escape(error.message)}</p>`),
        error.status,
      );
    }
    throw error;
  }
  return undefined;
}

function html(body: string, status = 200): PageResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

function redirect(location: string): PageResponse {
  return { status: 303, headers: { location }, body: '' };
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Fake Stripe</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f6f9fc; color: #1a1f36; margin: 0; }
  .banner { background: #635bff; color: white; padding: .5rem 1rem; font-size: .85rem; font-weight: 600; }
  main { max-width: 34rem; margin: 2rem auto; background: white; border-radius: .75rem; padding: 1.5rem 2rem; box-shadow: 0 2px 8px rgba(0,0,0,.08); }
  h1 { font-size: 1.3rem; } .muted { color: #697386; font-size: .9rem; } .error { color: #c0123c; }
  .amount { font-size: 2rem; font-weight: 700; margin: .5rem 0; }
  button { background: #635bff; color: white; border: 0; border-radius: .4rem; padding: .6rem 1.2rem; font-size: 1rem; cursor: pointer; }
  button.secondary { background: #e3e8ee; color: #1a1f36; }
  form { margin: .75rem 0; } select, input { font-size: 1rem; padding: .3rem; }
  table { width: 100%; border-collapse: collapse; } td, th { text-align: left; padding: .3rem 0; border-bottom: 1px solid #e3e8ee; }
</style></head>
<body><div class="banner">Fake Stripe (development) — no real payment is taken</div>
<main>${content}</main></body></html>`;
}

function priceLabel(engine: FakeStripeEngine, price: WirePrice): string {
  const every = price.recurring
    ? ` / ${price.recurring.interval_count > 1 ? `${price.recurring.interval_count} ` : ''}${price.recurring.interval}`
    : '';
  return `${escape(engine.productName(price))} — ${formatMoney(price.unit_amount ?? 0, price.currency)}${every}`;
}

function date(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function checkoutPage(engine: FakeStripeEngine, id: string): string {
  const session = engine.checkoutSessionOrThrow(id);
  const lines = engine.checkoutLines(id);
  const extras = engine.checkoutExtras.get(id);
  const rows = lines
    .map(
      (line) =>
        `<tr><td>${priceLabel(engine, engine.priceOrThrow(line.price))}</td><td>× ${line.quantity}</td></tr>`,
    )
    .join('');
  const trial = extras?.trialPeriodDays
    ? `<p class="muted">${extras.trialPeriodDays}-day free trial, then billed per period.</p>`
    : '';
  if (session.status !== 'open') {
    return page(
      'Checkout',
      `<h1>This checkout session is ${escape(session.status ?? 'closed')}</h1>
      ${session.status === 'complete' && session.success_url ? `<p><a href="${escape(session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', id))}">Continue</a></p>` : ''}`,
    );
  }
  const customer = typeof session.customer === 'string' ? engine.customers.get(session.customer) : undefined;
  return page(
    'Checkout',
    `<h1>Subscribe</h1>
    <p class="muted">${escape(customer?.email ?? session.customer_email ?? '')}</p>
    <table>${rows}</table>
    <div class="amount">${formatMoney(session.amount_total ?? 0, session.currency ?? 'usd')} due today</div>
    ${trial}
    <form method="post" action="/checkout/${escape(id)}/pay">
      <label>Test card: <select name="outcome">
        <option value="succeeds">4242 4242 4242 4242 — succeeds</option>
        <option value="fails">4000 0000 0000 0341 — declines</option>
        <option value="requires_action">4000 0027 6000 3184 — requires authentication</option>
      </select></label>
      <p><button type="submit">Pay</button></p>
    </form>
    ${session.cancel_url ? `<p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>` : ''}`,
  );
}

function currentSubscription(engine: FakeStripeEngine, customerId: string): WireSubscription | undefined {
  return [...engine.subscriptions.values()]
    .reverse()
    .find((sub) => sub.customer === customerId && !['canceled', 'incomplete_expired'].includes(sub.status));
}

function portalPage(engine: FakeStripeEngine, id: string): string {
  const session = engine.portalSessions.get(id)!;
  const config = engine.portalConfigurations.get(session.configuration as string);
  const sub = currentSubscription(engine, session.customer);
  const invoices = [...engine.invoices.values()]
    .reverse()
    .filter((invoice) => invoice.customer === session.customer);
  let subscriptionHtml = '<p>No active subscription.</p>';
  if (sub) {
    const item = sub.items.data[0]!;
    const price = engine.prices.get(item.price.id) ?? item.price;
    const options = (config?.features.subscription_update.products ?? [])
      .flatMap((entry) => entry.prices)
      .map((priceId) => engine.prices.get(priceId))
      .filter((candidate): candidate is WirePrice => Boolean(candidate))
      .map(
        (candidate) =>
          `<option value="${candidate.id}"${candidate.id === price.id ? ' selected' : ''}>${priceLabel(engine, candidate)}</option>`,
      )
      .join('');
    const cancelNote = sub.cancel_at ? `<p class="error">Cancels on ${date(sub.cancel_at)}.</p>` : '';
    subscriptionHtml = `<h2>Current plan</h2>
      <p><strong>${priceLabel(engine, price)}</strong> × ${item.quantity ?? 1} · status <code>${escape(sub.status)}</code></p>
      <p class="muted">Current period ends ${date(periodEnd(sub))}.</p>${cancelNote}
      ${
        options
          ? `<form method="post" action="/portal/${id}/update"><input type="hidden" name="subscription" value="${sub.id}">
        <label>Plan <select name="price">${options}</select></label>
        <label>Quantity <input type="number" name="quantity" min="1" value="${item.quantity ?? 1}" style="width:5rem"></label>
        <button type="submit">Update plan</button></form>`
          : ''
      }
      <form method="post" action="/portal/${id}/${sub.cancel_at ? 'renew' : 'cancel'}"><input type="hidden" name="subscription" value="${sub.id}">
        <button type="submit" class="secondary">${sub.cancel_at ? 'Renew plan' : 'Cancel plan'}</button></form>`;
  }
  const invoiceRows = invoices
    .map(
      (
        invoice,
      ) => `<tr><td>${date(invoice.created)}</td><td>${formatMoney(invoice.amount_due, invoice.currency)}</td><td>${escape(invoice.status ?? '')}</td>
      <td>${invoice.hosted_invoice_url ? `<a href="${escape(invoice.hosted_invoice_url)}">View</a>` : ''}</td></tr>`,
    )
    .join('');
  return page(
    'Billing portal',
    `<h1>Manage billing</h1>${subscriptionHtml}
    <h2>Invoices</h2>${invoiceRows ? `<table>${invoiceRows}</table>` : '<p class="muted">No invoices yet.</p>'}
    <p><a href="${escape(session.return_url ?? '/')}">← Return</a></p>`,
  );
}

/** The portal's buttons, applied with the configuration's proration and cancel settings. */
function portalAction(engine: FakeStripeEngine, id: string, action: string, form: URLSearchParams): void {
  const session = engine.portalSessions.get(id)!;
  const config = engine.portalConfigurations.get(session.configuration as string);
  const subscriptionId = form.get('subscription') ?? '';
  const sub = engine.subscriptionOrThrow(subscriptionId, 'subscription');
  if (sub.customer !== session.customer)
    throw new FakeStripeError(403, 'invalid_request_error', 'Not this customer’s subscription.');
  if (action === 'update') {
    const item = sub.items.data[0]!;
    const price = form.get('price') ?? item.price.id;
    const allowed = (config?.features.subscription_update.products ?? []).some((entry) =>
      entry.prices.includes(price),
    );
    if (!allowed && price !== item.price.id)
      throw new FakeStripeError(400, 'invalid_request_error', 'That price is not offered in this portal.');
    const quantity = Number(form.get('quantity') ?? item.quantity ?? 1);
    engine.changeSubscription(sub.id, {
      items: [{ id: item.id, price: price === item.price.id ? undefined : price, quantity }],
      prorationBehavior: (config?.features.subscription_update.proration_behavior ?? 'none') as 'none',
    });
  } else if (action === 'cancel') {
    if (config?.features.subscription_cancel.mode === 'immediately')
      engine.cancelNow(sub, 'cancellation_requested');
    else engine.changeSubscription(sub.id, { cancelAtPeriodEnd: true });
  } else if (action === 'renew') {
    engine.changeSubscription(sub.id, { cancelAtPeriodEnd: false });
  } else {
    throw new FakeStripeError(404, 'invalid_request_error', `Unknown portal action ${action}`);
  }
}

function invoicePage(engine: FakeStripeEngine, id: string): string {
  const invoice: WireInvoice = engine.invoiceOrThrow(id, 'invoice');
  const rows = invoice.lines.data
    .map(
      (line) =>
        `<tr><td>${escape(line.description ?? '')}</td><td>${formatMoney(line.amount, line.currency)}</td></tr>`,
    )
    .join('');
  const payable = invoice.status === 'open' || invoice.status === 'uncollectible';
  return page(
    `Invoice ${invoice.number ?? invoice.id}`,
    `<h1>Invoice ${escape(invoice.number ?? invoice.id)}</h1>
    <p class="muted">Status: <code>${escape(invoice.status ?? '')}</code> · ${date(invoice.created)}</p>
    <table>${rows}</table>
    <div class="amount">${formatMoney(invoice.amount_remaining, invoice.currency)} due</div>
    ${payable ? `<form method="post" action="/invoices/${escape(id)}/pay"><button type="submit">Pay</button></form>` : ''}`,
  );
}
