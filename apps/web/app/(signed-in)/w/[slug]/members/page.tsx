import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { encodeId } from '@plinth/core/public-ids';
import { RefreshOn } from '../../../../../components/realtime/refresh-on';
import { can, rankCovers } from '@plinth/core/access';
import { listInvitations, listMembers } from '@plinth/core/tenancy';
import { SettingsSection } from '../../../../../components/ui/settings-section';
import { requireMember, tenancyDeps } from '../../../../../lib/workspace-context';
import { InvitationsTable } from './invitations-table';
import { InviteForm } from './invite-form';
import { LeaveWorkspaceButton } from './leave-workspace-button';
import { MembersTable } from './members-table';
import { TransferOwnershipForm } from './transfer-ownership-form';
import { ClientMessages } from '../../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('members');
  return { title: t('metaTitle') };
}

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, workspace } = await requireMember(slug, `/w/${slug}/members`);
  const deps = tenancyDeps();
  const t = await getTranslations('members');
  const members = await listMembers(deps, actor);
  const invitations = can(actor, 'invitation.read') ? await listInvitations(deps, actor) : null;
  const me = { id: actor.id, role: actor.role };
  const others = members.filter((member) => member.userId !== actor.id);
  const roles = new Map(members.map((member) => [member.userId, member.role]));

  return (
    <ClientMessages namespaces={['billing.upgradePrompt', 'members']}>
      <div className="mx-auto grid w-full max-w-4xl gap-8">
        <RefreshOn workspaceId={encodeId('ws', workspace.id)} topics={['members']} />
        <div>
          <p className="text-sm font-medium text-primary">{workspace.name}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            <span data-testid="member-count">{t('count', { count: members.length })}</span> ·{' '}
            {t('description')}
          </p>
        </div>

        <MembersTable slug={workspace.slug} me={me} members={members} />

        {can(actor, 'member.invite') ? (
          <SettingsSection id="invite" title={t('inviteTitle')} description={t('inviteDescription')}>
            <InviteForm slug={workspace.slug} myRole={actor.role} canUpgrade={can(actor, 'billing.manage')} />
          </SettingsSection>
        ) : null}

        {invitations ? (
          <SettingsSection id="invitations" title={t('invitationsTitle')}>
            <InvitationsTable
              slug={workspace.slug}
              invitations={invitations.map(({ id, email, role, expiresAt, createdAt, invitedBy }) => ({
                id,
                email,
                role,
                expiresAt,
                createdAt,
                // The rank rule: not an invitation to a role above yours, nor one sent by someone above you.
                manageable: rankCovers(actor.role, role) && rankCovers(actor.role, roles.get(invitedBy)),
              }))}
              mayResend={can(actor, 'member.invite')}
              mayRevoke={can(actor, 'invitation.revoke')}
            />
          </SettingsSection>
        ) : null}

        {can(actor, 'workspace.transfer') ? (
          <SettingsSection id="transfer" title={t('transferTitle')} description={t('transferDescription')}>
            <TransferOwnershipForm
              slug={workspace.slug}
              candidates={others.map(({ userId, name, email }) => ({ userId, name, email }))}
            />
          </SettingsSection>
        ) : null}

        <SettingsSection id="leave" title={t('leaveTitle')} description={t('leaveDescription')} tone="danger">
          <LeaveWorkspaceButton slug={workspace.slug} workspaceName={workspace.name} />
        </SettingsSection>
      </div>
    </ClientMessages>
  );
}
