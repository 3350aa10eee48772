'use client';

import { useState } from 'react';
import { Alert } from '../../../../../../components/ui/alert';
import { Button } from '../../../../../../components/ui/button';
import { Input } from '../../../../../../components/ui/input';

/** A signing secret shown once, with a copy button. */
export function SecretOnce({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-3">
      <Alert variant="destructive" title="Copy it now">
        This is the only time the signing secret is shown. If you lose it, rotate it.
      </Alert>
      <div className="flex gap-2">
        <Input
          readOnly
          aria-label="Signing secret"
          value={secret}
          className="font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            void navigator.clipboard.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
