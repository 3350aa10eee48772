'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('settings.logo');
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
      title={t('title')}
      description={t('description')}
      name={name}
      shape="square"
      subject="logo"
      image={logo}
      actions={actions}
    />
  );
}
