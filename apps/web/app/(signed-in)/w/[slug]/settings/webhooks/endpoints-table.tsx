'use client';

import Link from 'next/link';
import { useState } from 'react';
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

const reasons: Record<string, string> = {
  gone: 'Disabled: it answered 410 Gone',
  failing: 'Disabled: failing for five days',
};

export function EndpointsTable({ slug, endpoints }: { slug: string; endpoints: EndpointRow[] }) {
  const { toast } = useToast();
  const [rotated, setRotated] = useState<string | null>(null);
  const report = (result: { ok: boolean; error?: { message: string } } | null, done: string) => {
    if (!result) toast({ title: 'We could not reach the server', variant: 'destructive' });
    else if (!result.ok) toast({ title: result.error!.message, variant: 'destructive' });
    else toast({ title: done });
  };

  return (
    <>
      <Table aria-label="Webhook endpoints" stacked>
        <TableHeader>
          <TableRow>
            <TableHead>Endpoint</TableHead>
            <TableHead>Events</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
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
                {endpoint.eventTypes ? endpoint.eventTypes.join(', ') : 'All events'}
              </TableCell>
              <TableCell>
                <Badge variant={endpoint.enabled ? 'success' : 'neutral'}>
                  {endpoint.enabled ? 'Enabled' : (reasons[endpoint.disabledReason ?? ''] ?? 'Disabled')}
                </Badge>
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap justify-end gap-1">
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={async () =>
                      report(
                        await sendTestEventAction(slug, endpoint.id).catch(() => null),
                        'Test event queued',
                      )
                    }
                  >
                    Send test event
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={async () =>
                      report(
                        await setWebhookEndpointEnabledAction(slug, endpoint.id, !endpoint.enabled).catch(
                          () => null,
                        ),
                        endpoint.enabled ? 'Endpoint disabled' : 'Endpoint enabled',
                      )
                    }
                  >
                    {endpoint.enabled ? 'Disable' : 'Enable'}
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm">
                        Rotate secret
                      </Button>
                    }
                    title="Rotate the signing secret?"
                    description="For the next 24 hours deliveries carry signatures by both the old and the new secret, so your receiver can switch without missing one."
                    confirmLabel="Rotate"
                    onConfirm={async () => {
                      const result = await rotateWebhookSecretAction(slug, endpoint.id).catch(() => null);
                      if (!result) return 'We could not reach the server. Try again.';
                      if (!result.ok) return result.error.message;
                      setRotated(result.data.secret);
                      return null;
                    }}
                  />
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm">
                        Delete
                      </Button>
                    }
                    title="Delete this endpoint?"
                    description="Nothing more is sent to it, and its delivery log is deleted."
                    confirmLabel="Delete endpoint"
                    destructive
                    onConfirm={async () => {
                      const result = await deleteWebhookEndpointAction(slug, endpoint.id).catch(() => null);
                      if (!result) return 'We could not reach the server. Try again.';
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
        <DialogContent title="New signing secret" className="max-w-lg">
          {rotated ? (
            <SecretOnce secret={rotated} label="Signing secret">
              This is the only time the signing secret is shown. If you lose it, rotate it.
            </SecretOnce>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button>Done</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
