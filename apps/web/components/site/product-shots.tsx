import { getTranslations } from 'next-intl/server';
import { LANDING_SHOT_SIZE, landingShotSrc, landingShots } from '../../lib/product-shots';

/**
 * Screenshots of the running app on the landing page, in the visitor's theme: the light picture
 * where the page is light, the dark one where it is dark — pinned by the `dark`/`light` class on
 * <html> (the theme cookie) or, unpinned, by the device (globals.css draws the palettes the same
 * way). The hidden one is `display: none`, so a lazy image is never fetched.
 */
/** Which of the two pictures shows: the light one unless the page is dark, and the other way round. */
const themeClasses = {
  light: 'block h-auto w-full [.dark_&]:hidden dark:[:root:not(.light)_&]:hidden',
  dark: 'hidden h-auto w-full [.dark_&]:block dark:[:root:not(.light)_&]:block',
} as const;

export async function ProductShots() {
  const t = await getTranslations('landing.shots');
  return (
    <section aria-labelledby="product-shots-heading" className="mx-auto w-full max-w-5xl px-6 pb-16">
      <h2 id="product-shots-heading" className="text-xl font-semibold tracking-tight">
        {t('heading')}
      </h2>
      <p className="mt-2 max-w-2xl text-sm text-muted-foreground">{t('intro')}</p>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {landingShots.map((shot) => (
          <figure key={shot.page} className="min-w-0">
            <div className="overflow-hidden rounded-xl border border-border bg-muted">
              {(['light', 'dark'] as const).map((theme) => (
                <img
                  key={theme}
                  src={landingShotSrc(shot.page, theme)}
                  alt={t(`${shot.page}.alt`)}
                  width={LANDING_SHOT_SIZE.width}
                  height={LANDING_SHOT_SIZE.height}
                  loading="lazy"
                  decoding="async"
                  className={themeClasses[theme]}
                />
              ))}
            </div>
            <figcaption className="mt-3 text-sm text-muted-foreground">
              {t(`${shot.page}.caption`)}
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
