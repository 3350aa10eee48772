import { cn } from '../../lib/cn';
import { initials } from '../../lib/upload-to-storage';

type PictureProps = {
  /** The resized image's URL (user.image, workspace.logo); null shows the initials. */
  src: string | null | undefined;
  name: string;
  /** Used for the initials when the name is empty (a person's email). */
  fallback?: string;
  shape?: 'circle' | 'square';
  className?: string;
  /** Decorative beside a visible name (the default); give alt text where it stands alone. */
  alt?: string;
};

/**
 * An avatar or a workspace logo: the resized image when there is one, the initials otherwise (and
 * until the resize job has run). Plain <img>: the image is already 64 or 256 px WebP, resized once
 * by our job, and served by the storage redirect or the CDN.
 */
export function Picture({ src, name, fallback, shape = 'circle', className, alt = '' }: PictureProps) {
  const rounded = shape === 'circle' ? 'rounded-full' : 'rounded-md';
  if (src) {
    return (
      <img
        src={src}
        alt={alt}
        aria-hidden={alt ? undefined : true}
        className={cn('size-8 shrink-0 object-cover ring-1 ring-border', rounded, className)}
      />
    );
  }
  return (
    <span
      aria-hidden={alt ? undefined : true}
      aria-label={alt || undefined}
      className={cn(
        'flex size-8 shrink-0 items-center justify-center bg-muted text-xs font-semibold text-foreground ring-1 ring-border',
        rounded,
        className,
      )}
    >
      {initials(name, fallback)}
    </span>
  );
}
