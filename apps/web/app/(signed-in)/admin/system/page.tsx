import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { serverContext } from '@plinth/core/server-context';
import {
  listFailedJobs,
  listNodes,
  NODE_SEEN_WITHIN_SECONDS,
  readSystemOverview,
  type FailedJob,
  type NodeSeen,
  type SystemOverview,
} from '@plinth/core/system';
import { Alert } from '../../../../components/ui/alert';
import { Badge } from '../../../../components/ui/badge';
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
import { ReplayJobButton } from './replay-job-button';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('metaSuffix', { page: t('system.metaTitle') }), robots: { index: false, follow: false } };
}

const FAILED_JOBS_SHOWN = 50;

interface SystemState {
  overview: SystemOverview;
  failed: FailedJob[];
  nodes: NodeSeen[];
}

type T = Awaited<ReturnType<typeof getTranslations<'admin.system'>>>;

/** 42 s, 5 min, 3 h 4 min, 2 d 3 h: an age or an uptime at a glance, in the reader's words. */
function formatSeconds(t: T, seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.floor(seconds);
  if (s < 60) return t('seconds', { s });
  if (s < 3600) return t('minutes', { m: Math.floor(s / 60) });
  if (s < 86_400) return t('hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  return t('days', { d: Math.floor(s / 86_400), h: Math.floor((s % 86_400) / 3600) });
}

const nodeTone = { running: 'success', stopped: 'neutral', silent: 'destructive' } as const;
const replayTone: Record<string, 'primary' | 'success' | 'destructive' | 'neutral'> = {
  created: 'primary',
  retry: 'primary',
  active: 'primary',
  completed: 'success',
  failed: 'destructive',
};

/** What staff see of the running platform: nodes, queues, failed jobs, the webhook inbox, the outbox. */
export default async function AdminSystemPage() {
  await requireStaff('/admin/system');
  const { database, env, logger } = serverContext();
  let state: SystemState | { reference: string };
  try {
    const deps = { database, jobsSchema: env.jobsSchema };
    const [overview, failed, nodes] = await Promise.all([
      readSystemOverview(deps),
      listFailedJobs(deps, { limit: FAILED_JOBS_SHOWN }),
      listNodes(deps),
    ]);
    state = { overview, failed, nodes };
  } catch (error) {
    const requestId = randomUUID();
    logger.error({ err: error, request_id: requestId }, 'admin system page could not read the system state');
    state = { reference: requestId };
  }
  const t = await getTranslations('admin');

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-8">
      <div>
        <p className="text-sm font-medium text-primary">{t('eyebrow')}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('system.title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {t('system.intro')}{' '}
          <Link href="/admin/system" className="underline underline-offset-4">
            {t('system.reload')}
          </Link>
        </p>
      </div>
      {'reference' in state ? (
        <Alert variant="destructive" title={t('system.unavailable')}>
          {t('system.unavailableBody', { reference: state.reference })}
        </Alert>
      ) : (
        <SystemView {...state} />
      )}
    </div>
  );
}

async function SystemView({ overview, failed, nodes }: SystemState) {
  const { inbox, outbox } = overview;
  const [t, tAdmin, format] = await Promise.all([
    getTranslations('admin.system'),
    getTranslations('admin'),
    getFormatter(),
  ]);
  const age = (seconds: number | null) => formatSeconds(t, seconds);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t('deadLetters')} value={format.number(overview.deadLetters)} testId="stat-dead-letters">
          {t('deadLettersHint')}
        </Stat>
        <Stat
          label={t('outboxLag')}
          value={outbox.pending === 0 ? tAdmin('none') : age(outbox.oldestSeconds)}
          testId="stat-outbox"
        >
          {t('outboxHint', { count: outbox.pending })}
        </Stat>
        <Stat label={t('inbox')} value={t('inboxPending', { count: inbox.pending })} testId="stat-inbox">
          {t.rich('inboxHint', {
            age: age(inbox.oldestPendingSeconds),
            dead: inbox.dead,
            processed: inbox.processed,
            ignored: inbox.ignored,
            link: (chunks) => (
              <Link href="/admin/billing-events" className="underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </Stat>
      </div>

      <Section title={t('nodes')} description={t('nodesHint', { minutes: NODE_SEEN_WITHIN_SECONDS / 60 })}>
        {nodes.length === 0 ? (
          <EmptyState title={t('noNodesTitle')} description={t('noNodesBody')} />
        ) : (
          <Table data-testid="nodes-table">
            <TableCaption className="sr-only">{t('nodesCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('node')}</TableHead>
                <TableHead>{t('role')}</TableHead>
                <TableHead>{t('version')}</TableHead>
                <TableHead>{t('started')}</TableHead>
                <TableHead>{t('uptime')}</TableHead>
                <TableHead>{t('lastSeen')}</TableHead>
                <TableHead>{tAdmin('status')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {nodes.map((node) => (
                <TableRow key={node.id}>
                  <TableCell>
                    <div className="grid gap-0.5">
                      <span className="font-medium">
                        {t('nodeName', { hostname: node.hostname, pid: String(node.pid) })}
                      </span>
                      <span className="font-mono text-xs text-muted-foreground">{node.id}</span>
                    </div>
                  </TableCell>
                  <TableCell>{node.role}</TableCell>
                  <TableCell className="font-mono text-xs">{node.version}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <LocalTime value={node.startedAt} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{age(node.uptimeSeconds)}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {t('ago', { age: age(node.lastSeenSecondsAgo) })}
                  </TableCell>
                  <TableCell>
                    <Badge variant={nodeTone[node.status]}>{t('nodeStatus', { status: node.status })}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section title={t('queues')} description={t('queuesHint')}>
        {overview.queues.length === 0 ? (
          <EmptyState title={t('noQueuesTitle')} description={t('noQueuesBody')} />
        ) : (
          <Table data-testid="queues-table">
            <TableCaption className="sr-only">{t('queues')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('queue')}</TableHead>
                <TableHead className="text-right">{t('waiting')}</TableHead>
                <TableHead className="text-right">{t('retrying')}</TableHead>
                <TableHead className="text-right">{t('running')}</TableHead>
                <TableHead className="text-right">{t('failed')}</TableHead>
                <TableHead>{t('oldestWaiting')}</TableHead>
                <TableHead>{t('deadLetterTo')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.queues.map((queue) => (
                <TableRow key={queue.name} data-queue={queue.name}>
                  <TableCell className="font-mono text-xs">
                    {queue.name}
                    {queue.isDeadLetterQueue ? (
                      <Badge className="ml-2" variant="neutral">
                        {t('deadLetterBadge')}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(queue.created)}</TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(queue.retry)}</TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(queue.active)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {queue.failed > 0 ? (
                      <Badge variant="destructive">{format.number(queue.failed)}</Badge>
                    ) : (
                      0
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{age(queue.oldestWaitingSeconds)}</TableCell>
                  <TableCell className="font-mono text-xs">{queue.deadLetter ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section title={t('failedJobs')} description={t('failedJobsHint', { limit: FAILED_JOBS_SHOWN })}>
        {failed.length === 0 ? (
          <EmptyState title={t('noFailedTitle')} description={t('noFailedBody')} />
        ) : (
          <Table data-testid="failed-jobs-table">
            <TableCaption className="sr-only">{t('failedJobs')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t('failed')}</TableHead>
                <TableHead>{t('job')}</TableHead>
                <TableHead>{t('error')}</TableHead>
                <TableHead>{t('workspace')}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{t('replay')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {failed.map((job) => (
                <TableRow key={`${job.queue}/${job.id}`} data-job-id={job.id}>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {job.failedAt ? <LocalTime value={job.failedAt} /> : '—'}
                  </TableCell>
                  <TableCell>
                    <div className="grid gap-0.5">
                      <span className="font-mono text-xs font-medium">{job.queue}</span>
                      <span className="font-mono text-xs text-muted-foreground">{job.id}</span>
                      <span className="text-xs text-muted-foreground">
                        {tAdmin('attempts', { count: job.attempts })}
                        {job.deadLetter ? t('copyIn', { queue: job.deadLetter }) : ''}
                        {job.archived ? t('archived') : ''}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell className="max-w-72 truncate text-xs" title={job.error ?? undefined}>
                    {job.error ?? '—'}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{job.workspaceId ?? '—'}</TableCell>
                  <TableCell className="text-right">
                    {job.replay ? (
                      <Badge variant={replayTone[job.replay.state] ?? 'neutral'} title={job.replay.id}>
                        {t('replayed', { state: job.replay.state })}
                      </Badge>
                    ) : job.replayElsewhere ? (
                      <Link href={job.replayElsewhere} className="text-sm underline underline-offset-4">
                        {t('replayFromInbox')}
                      </Link>
                    ) : (
                      <ClientMessages namespaces={['admin.system.replayButton']}>
                        <ReplayJobButton queue={job.queue} jobId={job.id} />
                      </ClientMessages>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section className="grid gap-3" aria-label={title}>
      <div>
        <h2 className="text-lg font-semibold tracking-tight">{title}</h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {children}
    </section>
  );
}

function Stat({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-1 rounded-xl border border-border p-4" data-testid={testId}>
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      <p className="text-xs text-muted-foreground">{children}</p>
    </div>
  );
}
