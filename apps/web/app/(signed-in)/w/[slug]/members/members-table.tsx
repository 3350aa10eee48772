'use client';

import { useState } from 'react';
import { can } from '@plinth/core/access';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { ConfirmDialog } from '../../../../../components/ui/confirm-dialog';
import { LocalTime } from '../../../../../components/ui/local-time';
import { Picture } from '../../../../../components/ui/picture';
import { Select } from '../../../../../components/ui/select';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../../components/ui/table';
import { useToast } from '../../../../../components/ui/toast';
import { outranksOrEquals, roleLabels, rolesUpTo, type MemberRole } from '../../../../../lib/roles';
import { changeMemberRoleAction, removeMemberAction } from './actions';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  image?: string | null;
  role: MemberRole;
  joinedAt: Date;
}

type MembersTableProps = {
  slug: string;
  me: { id: string; role: MemberRole };
  members: MemberRow[];
};

export function MembersTable({ slug, me, members }: MembersTableProps) {
  const actor = { type: 'user' as const, id: me.id, workspaceId: slug, role: me.role };
  const mayChangeRoles = can(actor, 'member.update_role');
  const mayRemove = can(actor, 'member.remove');

  return (
    <Table aria-label="Members" stacked>
      <TableHeader>
        <TableRow>
          <TableHead>Person</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Joined</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => {
          const isMe = member.userId === me.id;
          const manageable = outranksOrEquals(me.role, member.role);
          return (
            <TableRow key={member.userId} data-testid={`member-${member.email}`}>
              <TableCell data-stack="full">
                <div className="flex items-center gap-3">
                  <Picture src={member.image} name={member.name} fallback={member.email} />
                  <div className="grid gap-0.5">
                    <span className="font-medium">
                      {member.name || member.email}
                      {isMe ? (
                        <Badge variant="primary" className="ml-2">
                          You
                        </Badge>
                      ) : null}
                    </span>
                    {member.name ? (
                      <span className="text-xs break-all text-muted-foreground">{member.email}</span>
                    ) : null}
                  </div>
                </div>
              </TableCell>
              <TableCell>
                {mayChangeRoles && manageable ? (
                  <RoleSelect slug={slug} member={member} myRole={me.role} />
                ) : (
                  <Badge>{roleLabels[member.role]}</Badge>
                )}
              </TableCell>
              <TableCell className="text-muted-foreground" data-stack="hide">
                <LocalTime value={member.joinedAt} dateOnly />
              </TableCell>
              <TableCell className="text-right">
                {mayRemove && manageable && !isMe ? <RemoveMemberButton slug={slug} member={member} /> : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function RoleSelect({ slug, member, myRole }: { slug: string; member: MemberRow; myRole: MemberRole }) {
  const { toast } = useToast();
  const [pending, setPending] = useState(false);
  const [role, setRole] = useState(member.role);

  async function change(next: MemberRole) {
    const previous = role;
    setRole(next);
    setPending(true);
    const result = await changeMemberRoleAction(slug, member.userId, { role: next }).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      setRole(previous);
      toast({
        title: 'Role not changed',
        description: result ? result.error.message : 'We could not reach the server. Try again.',
        variant: 'destructive',
      });
      return;
    }
    toast({
      title: 'Role changed',
      description: `${member.name || member.email} is now ${roleLabels[next].toLowerCase()}.`,
      variant: 'success',
    });
  }

  return (
    <Select
      aria-label={`Role of ${member.email}`}
      className="w-32 min-w-32"
      value={role}
      disabled={pending}
      aria-busy={pending || undefined}
      onChange={(event) => void change(event.target.value as MemberRole)}
    >
      {rolesUpTo(myRole).map((option) => (
        <option key={option} value={option}>
          {roleLabels[option]}
        </option>
      ))}
    </Select>
  );
}

function RemoveMemberButton({ slug, member }: { slug: string; member: MemberRow }) {
  const { toast } = useToast();
  const who = member.name || member.email;

  async function remove(): Promise<string | null> {
    const result = await removeMemberAction(slug, member.userId);
    if (!result.ok) return result.error.message;
    toast({ title: 'Member removed', description: `${who} no longer has access.` });
    return null;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${member.email}`}>
          Remove
        </Button>
      }
      title={`Remove ${who}?`}
      description="They lose access to this workspace at once. You can invite them again later."
      confirmLabel="Remove member"
      destructive
      onConfirm={remove}
    />
  );
}
