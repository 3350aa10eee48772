'use client';

import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';

/** Backup codes, shown once: copy or download them, because the server keeps only encrypted copies. */
export function BackupCodes({ codes }: { codes: string[] }) {
  const { toast } = useToast();
  const text = `Plinth backup codes — each works once.\n\n${codes.join('\n')}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      toast({ title: 'Backup codes copied' });
    } catch {
      toast({
        title: 'Could not copy',
        description: 'Select the codes and copy them by hand.',
        variant: 'destructive',
      });
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'plinth-backup-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="grid gap-3">
      <ul
        data-testid="backup-codes"
        aria-label="Backup codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-lg border border-border bg-muted/50 p-4 font-mono text-sm sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={() => void copy()}>
          Copy codes
        </Button>
        <Button size="sm" variant="secondary" onClick={download}>
          Download as text
        </Button>
      </div>
    </div>
  );
}
