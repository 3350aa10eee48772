'use client';

import { useMemo } from 'react';
import { ImageUploadSection, type ImageState } from '../../../../../components/files/image-upload-section';
import { completeLogoAction, logoStateAction, removeLogoAction, startLogoUploadAction } from './actions';

/** The workspace's logo on its settings page: initials until the resize job has run. */
export function LogoSection({
  slug,
  name,
  logo,
}: {
  slug: string;
  name: string;
  logo: ImageState | null | undefined;
}) {
  const actions = useMemo(
    () => ({
      start: (input: { name: string; contentType: string; size: number }) =>
        startLogoUploadAction(slug, input),
      complete: (id: string) => completeLogoAction(slug, id),
      state: () => logoStateAction(slug),
      remove: () => removeLogoAction(slug),
    }),
    [slug],
  );
  return (
    <ImageUploadSection
      id="logo"
      title="Logo"
      description="Shown in the workspace switcher. PNG, JPEG or WebP, up to 5 MB; square works best."
      name={name}
      shape="square"
      subject="logo"
      image={logo}
      actions={actions}
    />
  );
}
