'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { LocalTime } from '../../../../../components/ui/local-time';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../components/ui/table';
import { useToast } from '../../../../../components/ui/toast';
import type { MemberRole } from '../../../../../lib/roles';
import { resendInvitationAction, revokeInvitationAction } from './actions';

export interface InvitationRow {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  createdAt: Date;
  /** Within this person's rank (its role and its sender's); resend and revoke need it too. */
  manageable: boolean;
}

type InvitationsTableProps = {
  slug: string;
  invitations: InvitationRow[];
  mayResend: boolean;
  mayRevoke: boolean;
};

export function InvitationsTable({ slug, invitations, mayResend, mayRevoke }: InvitationsTableProps) {
  const { toast } = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const t = useTranslations('members');
  const tRoles = useTranslations('common.roles');

  if (invitations.length === 0) {
    return <p className="text-sm text-muted-foreground">{t('invitations.none')}</p>;
  }

  async function act(kind: 'resend' | 'revoke', invitation: InvitationRow) {
    setBusy(`${kind}:${invitation.id}`);
    const action = kind === 'resend' ? resendInvitationAction : revokeInvitationAction;
    const result = await action(slug, invitation.id).catch(() => null);
    setBusy(null);
    if (!result?.ok) {
      toast({
        title: kind === 'resend' ? t('invitations.notResent') : t('invitations.notRevoked'),
        description: result ? result.error.message : t('unreachable'),
        variant: 'destructive',
      });
      return;
    }
    toast(
      kind === 'resend'
        ? {
            title: t('invitations.resent'),
            description: t('invitations.resentBody', { email: invitation.email }),
            variant: 'success',
          }
        : {
            title: t('invitations.revoked'),
            description: t('invitations.revokedBody', { email: invitation.email }),
          },
    );
  }

  return (
    <Table aria-label={t('invitations.label')} stacked>
      <TableHeader>
        <TableRow>
          <TableHead>{t('invitations.email')}</TableHead>
          <TableHead>{t('invitations.role')}</TableHead>
          <TableHead>{t('invitations.expires')}</TableHead>
          <TableHead>
            <span className="sr-only">{t('invitations.actions')}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id} data-testid={`invitation-${invitation.email}`}>
            <TableCell className="font-medium break-all" data-stack="full">
              {invitation.email}
            </TableCell>
            <TableCell>
              <Badge>{tRoles(invitation.role)}</Badge>
            </TableCell>
            <TableCell className="text-muted-foreground">
              <LocalTime value={invitation.expiresAt} />
            </TableCell>
            <TableCell>
              <div className="flex justify-end gap-1">
                {mayResend && invitation.manageable ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t('invitations.resendLabel', { email: invitation.email })}
                    loading={busy === `resend:${invitation.id}`}
                    disabled={busy !== null}
                    onClick={() => void act('resend', invitation)}
                  >
                    {t('invitations.resend')}
                  </Button>
                ) : null}
                {mayRevoke && invitation.manageable ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t('invitations.revokeLabel', { email: invitation.email })}
                    loading={busy === `revoke:${invitation.id}`}
                    disabled={busy !== null}
                    onClick={() => void act('revoke', invitation)}
                  >
                    {t('invitations.revoke')}
                  </Button>
                ) : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
