'use client';

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
  return (
    <ImageUploadSection
      id="avatar"
      title="Picture"
      description="Shown beside your name in your workspaces. PNG, JPEG or WebP, up to 5 MB."
      name={name}
      fallback={email}
      shape="circle"
      noun="your picture"
      image={avatar}
      actions={actions}
    />
  );
}
