'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { AppError } from '@plinth/core/errors';
import { setLocale, setTheme, type Theme } from '@plinth/core/identity';
import type { Locale } from '@plinth/core/locales';
import { serverContext } from '@plinth/core/server-context';
import {
  completeAvatarUpload,
  createAvatarUpload,
  getAvatar,
  removeAvatar,
  type AvatarDeps,
  type CreateAvatarUploadInput,
  type AvatarView,
} from '@plinth/core/storage';
import { READS_ONLY, runAction, type ActionResult } from '../../../lib/action-result';
import { THEME_COOKIE, themeCookieOptions } from '../../../lib/theme';
import { actionOrigin, actionPerson } from '../../../lib/workspace-context';

// Glue only, over the same core calls as /api/v1/me/avatar: declare an avatar upload (the browser
// then POSTs the bytes straight to storage), complete it, look at it, remove it.

function avatarDeps(): AvatarDeps {
  const { database, jobs, storage } = serverContext();
  if (!storage) throw new AppError('unavailable', 'File storage is not configured on this server.');
  return { database, storage, jobs };
}

async function person() {
  const session = await actionPerson();
  return {
    type: 'user' as const,
    id: session.userId,
    ...(session.impersonatedBy ? { impersonatorId: session.impersonatedBy } : {}),
  };
}

export interface AvatarState {
  status: AvatarView['status'];
  urls: AvatarView['urls'];
}

export async function startAvatarUploadAction(input: {
  name?: string;
  contentType: string;
  size: number;
}): Promise<ActionResult<{ id: string; upload: { url: string; fields: Record<string, string> } }>> {
  return runAction(async () => {
    const { avatar, upload } = await createAvatarUpload(
      avatarDeps(),
      await person(),
      { content_type: input.contentType as CreateAvatarUploadInput['content_type'], size: input.size },
      await actionOrigin(),
    );
    return { id: avatar.id, upload: { url: upload.url, fields: upload.fields } };
  });
}

export async function completeAvatarAction(id: string): Promise<ActionResult<AvatarState>> {
  return runAction(async () => {
    if (typeof id !== 'string') throw new AppError('not_found', 'Avatar not found.');
    const avatar = await completeAvatarUpload(avatarDeps(), await person(), id, await actionOrigin());
    revalidatePath('/', 'layout');
    return { status: avatar.status, urls: avatar.urls };
  });
}

export async function avatarStateAction(): Promise<ActionResult<AvatarState | null>> {
  return runAction(async () => {
    const avatar = await getAvatar(avatarDeps(), await person());
    return avatar ? { status: avatar.status, urls: avatar.urls } : null;
  }, READS_ONLY);
}

export async function removeAvatarAction(): Promise<ActionResult> {
  return runAction(async () => {
    await removeAvatar(avatarDeps(), await person(), await actionOrigin());
    revalidatePath('/', 'layout');
    return null;
  });
}

/**
 * Saves the person's theme on their user row (the truth, shared by every device and by
 * PATCH /api/v1/me) and mirrors it into the theme cookie, which every page reads before its first
 * paint (lib/theme.ts).
 */
export async function setThemeAction(theme: string): Promise<ActionResult<{ theme: Theme }>> {
  return runAction(async () => {
    const saved = await setTheme(serverContext(), await person(), { theme });
    (await cookies()).set(THEME_COOKIE, saved, themeCookieOptions);
    return { theme: saved };
  });
}

/**
 * Saves the person's language on their user row (null: follow the browser's Accept-Language), the
 * same write as PATCH /api/v1/me. Every page and mail after it uses the new locale (i18n/request.ts,
 * the mail worker); the whole layout renders again in it.
 */
export async function setLocaleAction(
  locale: string | null,
): Promise<ActionResult<{ locale: Locale | null }>> {
  return runAction(async () => {
    const saved = await setLocale(serverContext(), await person(), { locale });
    revalidatePath('/', 'layout');
    return { locale: saved };
  });
}
