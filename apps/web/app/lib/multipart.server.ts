/**
 * One file as a multipart/form-data body, for forwarding an upload from a form action to the API
 * in-process. A Buffer, because the in-process call sends buffers as bytes (other objects as JSON).
 */
export async function multipartFile(field: string, file: File): Promise<{ body: Buffer; contentType: string }> {
  const boundary = `----souk${crypto.randomUUID().replace(/-/g, '')}`;
  const name = file.name.replace(/["\r\n]/g, '_') || 'upload';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${file.type || 'application/octet-stream'}\r\n\r\n`;
  const body = Buffer.concat([
    Buffer.from(head),
    Buffer.from(await file.arrayBuffer()),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
