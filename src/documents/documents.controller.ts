import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { CurrentViewer, Public, RequirePermission } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/viewer.js';
import { badInput } from '../common/domain-error.js';
import { DocumentParentType } from './document.enums.js';
import { DocumentsService } from './documents.service.js';
import type { DocumentEntity } from './entities/document.entity.js';
import { contentDisposition } from './upload/file-rules.js';
import type { IncomingFile } from './upload/incoming-file.js';

/**
 * Files over plain HTTP (GraphQL stays JSON), with the same bearer token as GraphQL:
 * - POST /documents?parentType=MEETING&parentId=… and POST /documents/:id/versions, each
 *   multipart/form-data with one file in the field "file" (a browser's FormData, `curl -F file=@…`);
 *   streamed, never buffered; the answer is the document as JSON;
 * - GET /documents/:id and /documents/:id/versions/:n: the bytes as an attachment.
 */
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('document.upload')
  async upload(@CurrentViewer() viewer: Viewer, @Query('parentType') parentType: string, @Query('parentId') parentId: string, @Req() request: FastifyRequest) {
    if (!Object.values(DocumentParentType).includes(parentType as DocumentParentType)) {
      throw badInput('parentType', `muss einer von ${Object.values(DocumentParentType).join(', ')} sein`);
    }
    if (!parentId) throw badInput('parentId', 'fehlt');
    const file = await incomingFile(request);
    const document = await this.documents.upload(viewer, parentType as DocumentParentType, parentId, file);
    return this.json(viewer, document);
  }

  @Post(':id/versions')
  @HttpCode(201)
  @RequirePermission('document.manage')
  async replace(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Req() request: FastifyRequest) {
    const file = await incomingFile(request);
    const document = await this.documents.replace(viewer, id, file);
    return this.json(viewer, document);
  }

  @Get(':id')
  @Public()
  async current(@CurrentViewer() viewer: Viewer | undefined, @Param('id') id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply) {
    await this.send(reply, viewer, id, undefined, ifNoneMatch);
  }

  @Get(':id/versions/:n')
  @Public()
  async version(@CurrentViewer() viewer: Viewer | undefined, @Param('id') id: string, @Param('n') n: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply) {
    const number = /^[1-9]\d{0,8}$/.test(n) ? Number(n) : 0;
    if (!number) throw badInput('n', 'muss eine Versionsnummer (1, 2, …) sein');
    await this.send(reply, viewer, id, number, ifNoneMatch);
  }

  private async json(viewer: Viewer, document: DocumentEntity) {
    const { parent } = await this.documents.require(viewer, document.id);
    return this.documents.toModel(viewer, parent, document);
  }

  /**
   * The stored bytes as they are: attachment (never rendered inline), the sniffed type with
   * nosniff, length, ETag and the checksum (RFC 9530 Repr-Digest, and the older Digest).
   */
  private async send(reply: FastifyReply, viewer: Viewer | undefined, id: string, n: number | undefined, ifNoneMatch: string | undefined) {
    const { version, stream } = await this.documents.open(viewer, id, n);
    const sha256 = Buffer.from(version.sha256, 'hex').toString('base64');
    const etag = `"${version.sha256}"`;
    void reply
      .header('etag', etag)
      .header('cache-control', viewer ? 'private, no-cache' : 'public, no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox");
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) {
      await reply.status(304).send();
      return;
    }
    await reply
      .status(200)
      .header('content-type', version.mediaType.startsWith('text/') ? `${version.mediaType}; charset=utf-8` : version.mediaType)
      .header('content-length', String(version.size))
      .header('content-disposition', contentDisposition(version.name))
      .header('repr-digest', `sha-256=:${sha256}:`)
      .header('digest', `sha-256=${sha256}`)
      .send(await stream());
  }
}

/** The one file of a multipart/form-data request (field "file"), as a stream. */
async function incomingFile(request: FastifyRequest): Promise<IncomingFile> {
  if (!request.isMultipart()) throw badInput('file', 'Bitte die Datei als multipart/form-data im Feld „file“ senden.');
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file();
  } catch {
    // More than one file or extra fields (the limits of @fastify/multipart), or a broken form.
    throw badInput('file', 'Bitte genau eine Datei im Feld „file“ senden, ohne weitere Felder.');
  }
  if (!part || part.fieldname !== 'file') {
    if (part) part.file.resume();
    throw badInput('file', 'Bitte eine Datei im Feld „file“ senden.');
  }
  return { filename: part.filename, stream: part.file, truncated: () => part.file.truncated };
}
