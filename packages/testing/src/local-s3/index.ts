// A local S3-compatible server (node:http) for development and tests: the storage counterpart of
// the fake Stripe. `npm run dev` and the tests run it when S3_ENDPOINT is unset; loadEnv refuses its
// credentials in production.
export {
  startLocalS3,
  LOCAL_S3_ACCESS_KEY_ID,
  LOCAL_S3_SECRET_ACCESS_KEY,
  LOCAL_S3_REGION,
  type LocalS3,
  type LocalS3Object,
  type LocalS3Options,
} from './server';
