import { LANDING_SHOT_SIZE, landingShotSrc, landingShots, type LandingShot } from '../../lib/product-shots';

export interface ProductShotsProps {
  heading?: string;
  intro?: string;
  /** The pictures with their alt text and caption (English by default: lib/product-shots.ts). */
  shots?: readonly LandingShot[];
}

/**
 * Screenshots of the running app on the landing page, in the visitor's theme: the light picture
 * where the page is light, the dark one where it is dark — pinned by the `dark`/`light` class on
 * <html> (the theme cookie) or, unpinned, by the device (globals.css draws the palettes the same
 * way). The hidden one is `display: none`, so a lazy image is never fetched.
 */
export function ProductShots({
  heading = 'See it running',
  intro = 'Pages of the app with its demo data, captured from the running app by npm run screenshots.',
  shots = landingShots,
}: ProductShotsProps) {
  return (
    <section aria-labelledby="product-shots-heading" className="mx-auto w-full max-w-5xl px-6 pb-16">
      <h2 id="product-shots-heading" className="text-xl font-semibold tracking-tight">
        {heading}
      </h2>
      <p className="mt-2 max-w-2xl text-sm text-muted-foreground">{intro}</p>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {shots.map((shot) => (
          <figure key={shot.page} className="min-w-0">
            <div className="overflow-hidden rounded-xl border border-border bg-muted">
              <img
                src={landingShotSrc(shot.page, 'light')}
                alt={shot.alt}
                width={LANDING_SHOT_SIZE.width}
                height={LANDING_SHOT_SIZE.height}
                loading="lazy"
                decoding="async"
                className="block h-auto w-full [.dark_&]:hidden dark:[:root:not(.light)_&]:hidden"
              />
              <img
                src={landingShotSrc(shot.page, 'dark')}
                alt={shot.alt}
                width={LANDING_SHOT_SIZE.width}
                height={LANDING_SHOT_SIZE.height}
                loading="lazy"
                decoding="async"
                className="hidden h-auto w-full [.dark_&]:block dark:[:root:not(.light)_&]:block"
              />
            </div>
            <figcaption className="mt-3 text-sm text-muted-foreground">{shot.caption}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
