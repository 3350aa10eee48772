'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '../../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../../components/ui/confirm-dialog';
import { useToast } from '../../../../../../components/ui/toast';
import { deleteProjectAction } from '../actions';

type DeleteProjectButtonProps = { slug: string; projectId: string; projectName: string };

/** Shown only to roles that may delete (can() in the page); the server checks again. */
export function DeleteProjectButton({ slug, projectId, projectName }: DeleteProjectButtonProps) {
  const router = useRouter();
  const { toast } = useToast();
  const t = useTranslations('projects.delete');

  async function confirmDelete(): Promise<string | null> {
    const result = await deleteProjectAction(slug, projectId);
    if (!result.ok) return result.error.message;
    toast({ title: t('deleted'), description: t('deletedBody', { name: projectName }) });
    router.push(`/w/${slug}/projects`);
    return null;
  }

  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">{t('button')}</Button>}
      title={t('title')}
      description={t('description', { name: projectName })}
      confirmLabel={t('confirm')}
      destructive
      onConfirm={confirmDelete}
    />
  );
}
