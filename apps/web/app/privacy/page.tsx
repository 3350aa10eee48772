import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LegalPage } from '../../components/site/legal-page';
import { publicPageMetadata } from '../../lib/site';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('legal.privacy');
  return publicPageMetadata({
    path: '/privacy',
    title: t('metaTitle'),
    description: t('metaDescription'),
  });
}

// A template for whoever operates this product. It lists what the code stores; when you add data
// of your own (analytics, support tools, new processors), add it here too (`legal.privacy` in every
// catalog).
export default async function PrivacyPage() {
  const t = await getTranslations('legal.privacy');
  return (
    <LegalPage title={t('title')} updated="2026-12-05">
      <section className="grid gap-2">
        <h2>{t('storeTitle')}</h2>
        <ul>
          <li>{t('store1')}</li>
          <li>{t('store2')}</li>
          <li>{t('store3')}</li>
          <li>{t('store4')}</li>
        </ul>
      </section>
      <section className="grid gap-2">
        <h2>{t('othersTitle')}</h2>
        <ul>
          <li>{t('others1')}</li>
          <li>{t('others2')}</li>
          <li>{t('others3')}</li>
        </ul>
      </section>
      <section className="grid gap-2">
        <h2>{t('cookiesTitle')}</h2>
        <p>{t('cookiesBody')}</p>
      </section>
      <section className="grid gap-2">
        <h2>{t('choicesTitle')}</h2>
        <p>{t('choicesBody')}</p>
      </section>
    </LegalPage>
  );
}
