import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listFlagOverrides } from '@plinth/core/flags';
import { serverContext } from '@plinth/core/server-context';
import { StaffActionForm } from '../../../../components/admin/staff-action-form';
import { EmptyState } from '../../../../components/ui/empty-state';
import { LocalTime } from '../../../../components/ui/local-time';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../components/ui/table';
import { requireStaff } from '../../../../lib/session';
import { clearFlagOverrideAction, setFlagOverrideAction } from '../workspaces/actions';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('metaSuffix', { page: t('flags.metaTitle') }), robots: { index: false, follow: false } };
}

/** The declared flags, their kill switches, and every override staff set (all audited). */
export default async function AdminFlagsPage() {
  const session = await requireStaff('/admin/flags');
  const { database, flags } = serverContext();
  const overrides = await listFlagOverrides(
    { database, definitions: flags.definitions },
    { type: 'user', id: session.user.id },
  );
  const definitions = Object.entries(flags.definitions);
  const t = await getTranslations('admin');
  const reasonField = { name: 'reason', label: t('reasonLabel'), kind: 'textarea', required: true } as const;

  return (
    <ClientMessages namespaces={['admin.form']}>
      <div className="mx-auto grid w-full max-w-6xl gap-8">
        <div>
          <p className="text-sm font-medium text-primary">{t('eyebrow')}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('flags.title')}</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {t.rich('flags.intro', {
              link: (chunks) => (
                <Link href="/admin/workspaces" className="underline underline-offset-4">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
        <section className="grid gap-3" aria-label={t('flags.killSwitches')}>
          <h2 className="text-lg font-semibold tracking-tight">{t('flags.killSwitches')}</h2>
          <div className="grid gap-4 md:grid-cols-2">
            {definitions.map(([key, definition]) => {
              const kill = overrides.find((o) => o.key === key && o.scope === 'kill');
              return (
                <div
                  key={key}
                  className="grid gap-3 rounded-xl border border-border p-4"
                  data-testid={`flag-${key}`}
                >
                  <div>
                    <p className="font-mono text-sm font-medium">{key}</p>
                    <p className="text-xs text-muted-foreground">
                      {t('flags.definition', {
                        description: definition.description,
                        owner: definition.owner,
                        value: JSON.stringify(definition.default),
                      })}
                    </p>
                  </div>
                  {kill ? (
                    <>
                      <p className="text-sm font-medium text-destructive">
                        {t('flags.killed', { value: JSON.stringify(kill.value), reason: kill.reason })}
                      </p>
                      <StaffActionForm
                        testId={`unkill-${key}`}
                        action={clearFlagOverrideAction}
                        fields={[
                          { name: 'key', kind: 'hidden', value: key },
                          { name: 'scope', kind: 'hidden', value: 'kill' },
                          reasonField,
                        ]}
                        submitLabel={t('flags.lift')}
                      />
                    </>
                  ) : (
                    <StaffActionForm
                      testId={`kill-${key}`}
                      action={setFlagOverrideAction}
                      fields={[
                        { name: 'key', kind: 'hidden', value: key },
                        { name: 'scope', kind: 'hidden', value: 'kill' },
                        {
                          name: 'value',
                          label: t('flags.everyoneGets'),
                          kind: 'text',
                          defaultValue: JSON.stringify(definition.default).replaceAll('"', ''),
                          required: true,
                        },
                        reasonField,
                      ]}
                      submitLabel={t('flags.kill')}
                      destructive
                    />
                  )}
                </div>
              );
            })}
          </div>
        </section>
        <section className="grid gap-3" aria-label={t('flags.allOverrides')}>
          <h2 className="text-lg font-semibold tracking-tight">{t('flags.allOverrides')}</h2>
          {overrides.length === 0 ? (
            <EmptyState title={t('flags.noneTitle')} description={t('flags.noneBody')} />
          ) : (
            <Table>
              <TableCaption className="sr-only">{t('flags.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t('flags.flag')}</TableHead>
                  <TableHead>{t('flags.scope')}</TableHead>
                  <TableHead>{t('flags.value')}</TableHead>
                  <TableHead>{t('flags.reason')}</TableHead>
                  <TableHead>{t('flags.expires')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {overrides.map((o) => (
                  <TableRow key={o.id}>
                    <TableCell className="font-mono text-xs">{o.key}</TableCell>
                    <TableCell className="text-xs">
                      {o.scope === 'workspace' && o.workspaceId ? (
                        <Link
                          href={`/admin/workspaces/${o.workspaceId}`}
                          className="underline underline-offset-4"
                        >
                          {t('flags.scopeWorkspace')}
                        </Link>
                      ) : o.scope === 'user' ? (
                        <span className="font-mono">{t('flags.scopeUser', { id: o.userId ?? '' })}</span>
                      ) : (
                        t('flags.scopeKill')
                      )}
                    </TableCell>
                    <TableCell className="font-mono text-xs">{JSON.stringify(o.value)}</TableCell>
                    <TableCell className="text-xs">{o.reason}</TableCell>
                    <TableCell className="whitespace-nowrap text-xs">
                      {o.expiresAt ? <LocalTime value={o.expiresAt} /> : t('flags.never')}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
