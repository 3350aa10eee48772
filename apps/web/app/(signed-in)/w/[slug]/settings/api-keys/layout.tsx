import { permissionLayout } from '../../../../../../lib/permission-layout';

// Someone who may not read keys gets a real 404, not a streamed skeleton (see permissionLayout).
export default permissionLayout('api_key.read');
