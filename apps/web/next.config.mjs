// @ts-check
// Plain JavaScript, not next.config.ts: the production server loads this file at start, and a
// TypeScript config would be transpiled at run time (no TypeScript at run time: docs/deploy.md).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The monorepo root: workspace packages (packages/*) live outside apps/web, and Turbopack only
// resolves files inside its root.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Security headers, rewrites and output mode are deliberately absent: this app is served by the
// custom node:http server in apps/server, which owns headers; /api/* never reaches Next.
/** @type {import('next').NextConfig} */
const nextConfig = {
  transpilePackages: ['@plinth/core'],
  // Pages and server actions call core, which reaches Node-only infrastructure (the Postgres
  // driver, the job queue, password hashing, SMTP, the Stripe SDK, the S3 client). Loaded from node_modules as the
  // server process loads them, never bundled: they use native addons and dynamic requires, and one
  // copy is enough.
  serverExternalPackages: [
    'pg',
    'pg-boss',
    '@node-rs/argon2',
    'nodemailer',
    'stripe',
    '@aws-sdk/client-s3',
    '@aws-sdk/s3-presigned-post',
    '@aws-sdk/s3-request-presigner',
    'sharp',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: {
    root: repoRoot,
    // next-intl finds its request configuration (the locale and catalog of each request) through
    // this alias. Its plugin (next-intl/plugin) sets the same alias, but it checks the path against
    // the working directory, which is the repository root under `npm run dev` (the custom server)
    // and apps/web under `next build`; Turbopack resolves the alias from this app's directory, so
    // it is set here directly. Turbopack is the only bundler this app builds with.
    resolveAlias: {
      'next-intl/config': './i18n/request.ts',
    },
  },
};

export default nextConfig;
