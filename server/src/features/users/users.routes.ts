import {
  ZCreateUserRequest,
  ZIdParams,
  ZImportResult,
  ZListUsersQuery,
  ZUpdateUserRequest,
  ZUser,
  zPage,
} from '@zhoubao/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { AppError } from '../../lib/errors';
import { actorOf } from '../../lib/http';
import { parseCsv, parseXlsx, type TableRow } from './import-table';
import { importUsers } from './users.import';
import * as service from './users.service';

const tags = ['organisation'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads an import file: a text/csv body, a raw .xlsx body, or a multipart upload of either. */
async function readImportTable(request: FastifyRequest): Promise<TableRow[]> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return parseCsv(request.body as string);
  if (type === XLSX_TYPE) return readXlsx(request.body as Buffer);
  if (type === 'multipart/form-data') {
    const file = await request.file();
    if (!file) throw new AppError('invalid_input', 'Upload a file in the field "file"');
    const data = await file.toBuffer();
    if (file.filename.toLowerCase().endsWith('.csv') || file.mimetype === 'text/csv') return parseCsv(data.toString('utf8'));
    return readXlsx(data);
  }
  throw new AppError('unsupported_media_type', 'Send text/csv, an .xlsx file, or a multipart upload');
}

async function readXlsx(data: Buffer): Promise<TableRow[]> {
  try {
    return await parseXlsx(data);
  } catch {
    throw new AppError('invalid_input', 'The file is not a readable .xlsx workbook');
  }
}

/** Users: everyone reads, admins create, change, disable and import. */
export async function userRoutes(app: App, ctx: AppContext) {
  app.get('/users', { schema: { tags, querystring: ZListUsersQuery, response: { 200: zPage(ZUser) } } }, async (request) =>
    service.listUsers(ctx, actorOf(request), request.query),
  );

  app.get('/users/:id', { schema: { tags, params: ZIdParams, response: { 200: ZUser } } }, async (request) =>
    service.getUser(ctx, actorOf(request), request.params.id),
  );

  app.post('/users', { schema: { tags, body: ZCreateUserRequest, response: { 201: ZUser } } }, async (request, reply) => {
    return reply.code(201).send(await service.createUser(ctx, actorOf(request), request.body));
  });

  app.patch(
    '/users/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateUserRequest, response: { 200: ZUser } } },
    async (request) => service.updateUser(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/users/import',
    {
      bodyLimit: ctx.config.importLimit,
      schema: {
        tags,
        description: 'Body: text/csv, an .xlsx file, or multipart with the file in field "file".',
        response: { 200: ZImportResult },
      },
    },
    async (request) => {
      return importUsers(ctx, actorOf(request), () => readImportTable(request));
    },
  );
}
