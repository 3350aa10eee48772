'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
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
import { outranksOrEquals, rolesUpTo, type MemberRole } from '../../../../../lib/roles';
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
  const t = useTranslations('members.table');
  const tRoles = useTranslations('common.roles');

  return (
    <Table aria-label={t('label')} stacked>
      <TableHeader>
        <TableRow>
          <TableHead>{t('person')}</TableHead>
          <TableHead>{t('role')}</TableHead>
          <TableHead>{t('joined')}</TableHead>
          <TableHead>
            <span className="sr-only">{t('actions')}</span>
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
                          {t('you')}
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
                  <Badge>{tRoles(member.role)}</Badge>
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
  const t = useTranslations('members');
  const tRoles = useTranslations('common');
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
        title: t('table.roleNotChanged'),
        description: result ? result.error.message : t('unreachable'),
        variant: 'destructive',
      });
      return;
    }
    toast({
      title: t('table.roleChanged'),
      description: t('table.roleChangedBody', {
        who: member.name || member.email,
        role: tRoles(`rolesLower.${next}`),
      }),
      variant: 'success',
    });
  }

  return (
    <Select
      aria-label={t('table.roleOf', { email: member.email })}
      className="w-32 min-w-32"
      value={role}
      disabled={pending}
      aria-busy={pending || undefined}
      onChange={(event) => void change(event.target.value as MemberRole)}
    >
      {rolesUpTo(myRole).map((option) => (
        <option key={option} value={option}>
          {tRoles(`roles.${option}`)}
        </option>
      ))}
    </Select>
  );
}

function RemoveMemberButton({ slug, member }: { slug: string; member: MemberRow }) {
  const { toast } = useToast();
  const t = useTranslations('members.table');
  const who = member.name || member.email;

  async function remove(): Promise<string | null> {
    const result = await removeMemberAction(slug, member.userId);
    if (!result.ok) return result.error.message;
    toast({ title: t('removed'), description: t('removedBody', { who }) });
    return null;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={t('removeLabel', { email: member.email })}>
          {t('remove')}
        </Button>
      }
      title={t('removeTitle', { who })}
      description={t('removeDescription')}
      confirmLabel={t('removeConfirm')}
      destructive
      onConfirm={remove}
    />
  );
}
