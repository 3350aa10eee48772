import { MAX_SEATS, planKeys, type Catalog } from '@plinth/core/billing';
import { countOf, nouns } from '../../lib/plural';

/**
 * The pricing page's questions. Numbers and plan names come from the catalog, so an answer cannot
 * drift from what Checkout charges; every sentence describes what the billing code does.
 */
export function pricingFaq(source: Catalog): { question: string; answer: string }[] {
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
      question: 'Is there a free plan?',
      answer: `Yes: ${free.name}, with up to ${countOf(free.limits.members, nouns.member)} and ${countOf(free.limits.projects, nouns.project)}, for as long as you like. No card needed.`,
    });
  }
  if (trials.length > 0) {
    items.push({
      question: 'Is there a free trial?',
      answer: `${trials.map((plan) => `${plan.name} starts with a ${plan.trialDays}-day free trial`).join('; ')} — on a workspace's first subscription only.`,
    });
  }
  for (const plan of seatBased) {
    items.push({
      question: `How does per-seat pricing work on ${plan.name}?`,
      answer: `You pay for each seat; every member and pending invitation takes one. At checkout you choose the number of seats (at least the seats in use, up to ${MAX_SEATS}) and see the price as it changes; later you add or release seats in the billing portal.`,
    });
  }
  items.push(
    {
      question: 'Can I change plans or cancel?',
      answer:
        "Any time, from the workspace's billing page. Switching a running subscription happens in Stripe's billing portal, which prorates the difference; a cancellation takes effect at the end of the paid period.",
    },
    {
      question: 'What happens to my work when I downgrade?',
      answer:
        'Nothing is deleted. Projects beyond the new plan’s limit become read-only until you upgrade again or delete some.',
    },
    {
      question: 'What if a payment fails?',
      answer:
        'The workspace keeps its plan while the payment is retried, and the billing page shows a banner with a link to pay the open invoice.',
    },
    {
      question: 'Who can buy or change a plan?',
      answer: 'The workspace’s owners and admins; members and viewers cannot open its billing.',
    },
  );
  if (currencies.length > 0) {
    items.push({
      question: 'Which currency are prices in?',
      answer: `${currencies.join(', ')}, monthly or yearly; payments are handled by Stripe.`,
    });
  }
  return items;
}
