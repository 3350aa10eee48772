'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '../../../../../../components/ui/badge';
import { Button } from '../../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../../components/ui/confirm-dialog';
import { LocalTime } from '../../../../../../components/ui/local-time';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../../components/ui/table';
import { useToast } from '../../../../../../components/ui/toast';
import { revokeApiKeyAction } from './actions';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** This person may revoke it: they manage keys, and its creator is not above them. */
  revocable: boolean;
}

function status(key: ApiKeyRow): {
  label: 'revoked' | 'expired' | 'active';
  variant: 'success' | 'neutral' | 'destructive';
} {
  if (key.revokedAt) return { label: 'revoked', variant: 'destructive' };
  // Server-rendered once per request; "expired" is as of that render.
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) {
    return { label: 'expired', variant: 'neutral' };
  }
  return { label: 'active', variant: 'success' };
}

export function ApiKeysTable({ slug, keys }: { slug: string; keys: ApiKeyRow[] }) {
  const { toast } = useToast();
  const t = useTranslations('apiKeys.table');

  return (
    <Table aria-label={t('label')} stacked>
      <TableHeader>
        <TableRow>
          <TableHead>{t('name')}</TableHead>
          <TableHead>{t('scopes')}</TableHead>
          <TableHead>{t('created')}</TableHead>
          <TableHead>{t('lastUsed')}</TableHead>
          <TableHead>{t('expires')}</TableHead>
          <TableHead>{t('status')}</TableHead>
          <TableHead>
            <span className="sr-only">{t('actions')}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.map((key) => {
          const state = status(key);
          return (
            <TableRow key={key.id} data-testid={`api-key-${key.name}`}>
              <TableCell data-stack="full">
                <div className="font-medium">{key.name}</div>
                <code className="font-mono text-xs text-muted-foreground">{key.prefix}…</code>
              </TableCell>
              <TableCell>
                <div className="flex max-w-xs flex-wrap gap-1">
                  {key.scopes.map((scope) => (
                    <Badge key={scope}>{scope}</Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell className="text-muted-foreground" data-stack="hide">
                <LocalTime value={key.createdAt} dateOnly />
              </TableCell>
              <TableCell className="text-muted-foreground" data-stack="hide">
                {key.lastUsedAt ? <LocalTime value={key.lastUsedAt} /> : t('never')}
              </TableCell>
              <TableCell className="text-muted-foreground" data-stack="hide">
                {key.expiresAt ? <LocalTime value={key.expiresAt} dateOnly /> : t('never')}
              </TableCell>
              <TableCell>
                <Badge variant={state.variant}>{t(state.label)}</Badge>
              </TableCell>
              <TableCell>
                {key.revocable && !key.revokedAt ? (
                  <div className="flex justify-end">
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={t('revokeLabel', { name: key.name })}>
                          {t('revoke')}
                        </Button>
                      }
                      title={t('revokeTitle', { name: key.name })}
                      description={t('revokeDescription')}
                      confirmLabel={t('revokeConfirm')}
                      destructive
                      onConfirm={async () => {
                        const result = await revokeApiKeyAction(slug, key.id).catch(() => null);
                        if (!result) return t('unreachable');
                        if (!result.ok) return result.error.message;
                        toast({
                          title: t('revokedToast'),
                          description: t('revokedBody', { name: key.name }),
                        });
                        return null;
                      }}
                    />
                  </div>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
