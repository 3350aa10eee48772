import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LegalPage } from '../../components/site/legal-page';
import { publicPageMetadata } from '../../lib/site';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('legal.terms');
  return publicPageMetadata({
    path: '/terms',
    title: t('metaTitle'),
    description: t('metaDescription'),
  });
}

// A template for whoever operates this product: replace "the operator" with your legal entity (in
// every catalog, `legal.terms`) and have the text reviewed before launch.
export default async function TermsPage() {
  const t = await getTranslations('legal.terms');
  return (
    <LegalPage title={t('title')} updated="2026-12-05">
      <section className="grid gap-2">
        <h2>{t('whoTitle')}</h2>
        <p>{t('whoBody')}</p>
      </section>
      <section className="grid gap-2">
        <h2>{t('accountsTitle')}</h2>
        <ul>
          <li>{t('accounts1')}</li>
          <li>{t('accounts2')}</li>
          <li>{t('accounts3')}</li>
        </ul>
      </section>
      <section className="grid gap-2">
        <h2>{t('plansTitle')}</h2>
        <ul>
          <li>{t('plans1')}</li>
          <li>{t('plans2')}</li>
          <li>{t('plans3')}</li>
        </ul>
      </section>
      <section className="grid gap-2">
        <h2>{t('useTitle')}</h2>
        <p>{t('useBody')}</p>
      </section>
      <section className="grid gap-2">
        <h2>{t('changesTitle')}</h2>
        <p>{t('changesBody')}</p>
      </section>
    </LegalPage>
  );
}
