import { permissionLayout } from '../../../../../../lib/permission-layout';

// Someone who may not manage webhooks gets a real 404, not a streamed skeleton (see permissionLayout).
export default permissionLayout('webhook.manage');
