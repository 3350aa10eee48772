'use client';

import { useState } from 'react';
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
import { roleLabels, type MemberRole } from '../../../../../lib/roles';
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

  if (invitations.length === 0) {
    return <p className="text-sm text-muted-foreground">No pending invitations.</p>;
  }

  async function act(kind: 'resend' | 'revoke', invitation: InvitationRow) {
    setBusy(`${kind}:${invitation.id}`);
    const action = kind === 'resend' ? resendInvitationAction : revokeInvitationAction;
    const result = await action(slug, invitation.id).catch(() => null);
    setBusy(null);
    if (!result?.ok) {
      toast({
        title: kind === 'resend' ? 'Invitation not resent' : 'Invitation not revoked',
        description: result ? result.error.message : 'We could not reach the server. Try again.',
        variant: 'destructive',
      });
      return;
    }
    toast(
      kind === 'resend'
        ? {
            title: 'Invitation resent',
            description: `A new link is on its way to ${invitation.email}; the old one no longer works.`,
            variant: 'success',
          }
        : {
            title: 'Invitation revoked',
            description: `The link sent to ${invitation.email} no longer works.`,
          },
    );
  }

  return (
    <Table aria-label="Pending invitations" stacked>
      <TableHeader>
        <TableRow>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
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
              <Badge>{roleLabels[invitation.role]}</Badge>
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
                    aria-label={`Resend the invitation to ${invitation.email}`}
                    loading={busy === `resend:${invitation.id}`}
                    disabled={busy !== null}
                    onClick={() => void act('resend', invitation)}
                  >
                    Resend
                  </Button>
                ) : null}
                {mayRevoke && invitation.manageable ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Revoke the invitation to ${invitation.email}`}
                    loading={busy === `revoke:${invitation.id}`}
                    disabled={busy !== null}
                    onClick={() => void act('revoke', invitation)}
                  >
                    Revoke
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
