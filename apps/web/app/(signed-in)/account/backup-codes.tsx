'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';

/** Backup codes, shown once: copy or download them, because the server keeps only encrypted copies. */
export function BackupCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('account');
  const { toast } = useToast();
  const text = `${t('backupCodes.fileHeader')}\n\n${codes.join('\n')}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      toast({ title: t('backupCodes.copied') });
    } catch {
      toast({
        title: t('couldNotCopy'),
        description: t('backupCodes.copyByHand'),
        variant: 'destructive',
      });
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('backupCodes.fileName');
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="grid gap-3">
      <ul
        data-testid="backup-codes"
        aria-label={t('backupCodes.label')}
        className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-lg border border-border bg-muted/50 p-4 font-mono text-sm sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={() => void copy()}>
          {t('backupCodes.copy')}
        </Button>
        <Button size="sm" variant="secondary" onClick={download}>
          {t('backupCodes.download')}
        </Button>
      </div>
    </div>
  );
}
