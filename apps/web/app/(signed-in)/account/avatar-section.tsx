'use client';

import { useTranslations } from 'next-intl';
import { ImageUploadSection, type ImageState } from '../../../components/files/image-upload-section';
import {
  avatarStateAction,
  completeAvatarAction,
  removeAvatarAction,
  startAvatarUploadAction,
} from './actions';

const actions = {
  start: startAvatarUploadAction,
  complete: completeAvatarAction,
  state: avatarStateAction,
  remove: removeAvatarAction,
};

/** The account page's picture (decision 0030): initials until the resize job has run. */
export function AvatarSection({
  name,
  email,
  avatar,
}: {
  name: string;
  email: string;
  avatar: ImageState | null | undefined;
}) {
  const t = useTranslations('account.avatar');
  return (
    <ImageUploadSection
      id="avatar"
      title={t('title')}
      description={t('description')}
      name={name}
      fallback={email}
      shape="circle"
      subject="picture"
      image={avatar}
      actions={actions}
    />
  );
}
