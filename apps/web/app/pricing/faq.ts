import { MAX_SEATS, planKeys, type Catalog } from '@plinth/core/billing';
import type { Locale } from '@plinth/core/locales';
import { pricingTranslator } from './words';

/**
 * The pricing page's questions, in `locale` (the words are the message catalog's, `pricing.faq`).
 * Numbers and plan names come from the catalog, so an answer cannot drift from what Checkout
 * charges; every sentence describes what the billing code does.
 */
export function pricingFaq(source: Catalog, locale: Locale = 'en'): { question: string; answer: string }[] {
  const t = pricingTranslator(locale);
  const plans = planKeys.map((key) => source.plans[key]);
  const trials = plans.filter((plan) => plan.trialDays > 0);
  const seatBased = plans.filter((plan) => plan.seatBased);
  const currencies = [
    ...new Set(plans.flatMap((plan) => (plan.prices ? [plan.prices.monthly.currency] : []))),
  ].map((currency) => currency.toUpperCase());
  const free = plans.find((plan) => !plan.prices);
  const items: { question: string; answer: string }[] = [];
  if (free) {
    items.push({
      question: t('faq.freeQ'),
      answer: t('faq.freeA', {
        plan: free.name,
        members: free.limits.members,
        projects: free.limits.projects,
      }),
    });
  }
  if (trials.length > 0) {
    items.push({
      question: t('faq.trialQ'),
      answer: t('faq.trialA', {
        trials: trials
          .map((plan) => t('faq.trialItem', { plan: plan.name, days: plan.trialDays }))
          .join('; '),
      }),
    });
  }
  for (const plan of seatBased) {
    items.push({
      question: t('faq.seatQ', { plan: plan.name }),
      answer: t('faq.seatA', { max: MAX_SEATS }),
    });
  }
  items.push(
    { question: t('faq.changeQ'), answer: t('faq.changeA') },
    { question: t('faq.downgradeQ'), answer: t('faq.downgradeA') },
    { question: t('faq.failQ'), answer: t('faq.failA') },
    { question: t('faq.whoQ'), answer: t('faq.whoA') },
  );
  if (currencies.length > 0) {
    items.push({
      question: t('faq.currencyQ'),
      answer: t('faq.currencyA', { currencies: currencies.join(', ') }),
    });
  }
  return items;
}
