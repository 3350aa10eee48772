'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Badge } from '../../../../../../components/ui/badge';
import { Button } from '../../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../../components/ui/confirm-dialog';
import { Dialog, DialogClose, DialogContent, DialogFooter } from '../../../../../../components/ui/dialog';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../../components/ui/table';
import { SecretOnce } from '../../../../../../components/ui/secret-once';
import { useToast } from '../../../../../../components/ui/toast';
import {
  deleteWebhookEndpointAction,
  rotateWebhookSecretAction,
  sendTestEventAction,
  setWebhookEndpointEnabledAction,
} from './actions';

export interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[] | null;
  enabled: boolean;
  disabledReason: string | null;
}

/** Why the delivery system turned an endpoint off → its message in `webhooks.table`. */
const reasons: Record<string, 'disabledGone' | 'disabledFailing'> = {
  gone: 'disabledGone',
  failing: 'disabledFailing',
};

export function EndpointsTable({ slug, endpoints }: { slug: string; endpoints: EndpointRow[] }) {
  const { toast } = useToast();
  const t = useTranslations('webhooks.table');
  const [rotated, setRotated] = useState<string | null>(null);
  const report = (result: { ok: boolean; error?: { message: string } } | null, done: string) => {
    if (!result) toast({ title: t('unreachableTitle'), variant: 'destructive' });
    else if (!result.ok) toast({ title: result.error!.message, variant: 'destructive' });
    else toast({ title: done });
  };

  return (
    <>
      <Table aria-label={t('label')} stacked>
        <TableHeader>
          <TableRow>
            <TableHead>{t('endpoint')}</TableHead>
            <TableHead>{t('events')}</TableHead>
            <TableHead>{t('status')}</TableHead>
            <TableHead>
              <span className="sr-only">{t('actions')}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {endpoints.map((endpoint) => (
            <TableRow key={endpoint.id} data-testid={`endpoint-${endpoint.url}`}>
              <TableCell data-stack="full">
                <Link
                  className="font-mono text-xs break-all underline"
                  href={`/w/${slug}/settings/webhooks/${endpoint.id}`}
                >
                  {endpoint.url}
                </Link>
                {endpoint.description ? (
                  <div className="text-xs text-muted-foreground">{endpoint.description}</div>
                ) : null}
              </TableCell>
              <TableCell className="text-xs">
                {endpoint.eventTypes ? endpoint.eventTypes.join(', ') : t('allEvents')}
              </TableCell>
              <TableCell>
                <Badge variant={endpoint.enabled ? 'success' : 'neutral'}>
                  {endpoint.enabled ? t('enabled') : t(reasons[endpoint.disabledReason ?? ''] ?? 'disabled')}
                </Badge>
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap justify-end gap-1">
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={async () =>
                      report(await sendTestEventAction(slug, endpoint.id).catch(() => null), t('testQueued'))
                    }
                  >
                    {t('sendTest')}
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={async () =>
                      report(
                        await setWebhookEndpointEnabledAction(slug, endpoint.id, !endpoint.enabled).catch(
                          () => null,
                        ),
                        endpoint.enabled ? t('endpointDisabled') : t('endpointEnabled'),
                      )
                    }
                  >
                    {endpoint.enabled ? t('disable') : t('enable')}
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm">
                        {t('rotate')}
                      </Button>
                    }
                    title={t('rotateTitle')}
                    description={t('rotateDescription')}
                    confirmLabel={t('rotateConfirm')}
                    onConfirm={async () => {
                      const result = await rotateWebhookSecretAction(slug, endpoint.id).catch(() => null);
                      if (!result) return t('unreachable');
                      if (!result.ok) return result.error.message;
                      setRotated(result.data.secret);
                      return null;
                    }}
                  />
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm">
                        {t('delete')}
                      </Button>
                    }
                    title={t('deleteTitle')}
                    description={t('deleteDescription')}
                    confirmLabel={t('deleteConfirm')}
                    destructive
                    onConfirm={async () => {
                      const result = await deleteWebhookEndpointAction(slug, endpoint.id).catch(() => null);
                      if (!result) return t('unreachable');
                      return result.ok ? null : result.error.message;
                    }}
                  />
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={rotated !== null} onOpenChange={(open) => (open ? null : setRotated(null))}>
        <DialogContent title={t('newSecretTitle')} className="max-w-lg">
          {rotated ? (
            <SecretOnce secret={rotated} label={t('secretLabel')}>
              {t('secretNote')}
            </SecretOnce>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button>{t('done')}</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
