// POST /uploads: a presigned URL to PUT one material photo straight to S3.
import { httpHandler } from '../lib/http';
import { presignUpload } from '../store/uploads';

export const handler = httpHandler({
  'POST /uploads': async ({ principal, body }) =>
    presignUpload({ ownerId: principal.residentId, contentType: body.contentType, bytes: body.bytes }),
});
