'use client';

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

function status(key: ApiKeyRow): { label: string; variant: 'success' | 'neutral' | 'destructive' } {
  if (key.revokedAt) return { label: 'Revoked', variant: 'destructive' };
  // Server-rendered once per request; "expired" is as of that render.
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now()) {
    return { label: 'Expired', variant: 'neutral' };
  }
  return { label: 'Active', variant: 'success' };
}

export function ApiKeysTable({ slug, keys }: { slug: string; keys: ApiKeyRow[] }) {
  const { toast } = useToast();

  return (
    <Table aria-label="API keys" stacked>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Scopes</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
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
                {key.lastUsedAt ? <LocalTime value={key.lastUsedAt} /> : 'Never'}
              </TableCell>
              <TableCell className="text-muted-foreground" data-stack="hide">
                {key.expiresAt ? <LocalTime value={key.expiresAt} dateOnly /> : 'Never'}
              </TableCell>
              <TableCell>
                <Badge variant={state.variant}>{state.label}</Badge>
              </TableCell>
              <TableCell>
                {key.revocable && !key.revokedAt ? (
                  <div className="flex justify-end">
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Revoke the key ${key.name}`}>
                          Revoke
                        </Button>
                      }
                      title={`Revoke “${key.name}”?`}
                      description="Anything using this key stops working on its next request. This cannot be undone."
                      confirmLabel="Revoke key"
                      destructive
                      onConfirm={async () => {
                        const result = await revokeApiKeyAction(slug, key.id).catch(() => null);
                        if (!result) return 'We could not reach the server. Try again.';
                        if (!result.ok) return result.error.message;
                        toast({ title: 'Key revoked', description: `“${key.name}” no longer works.` });
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
