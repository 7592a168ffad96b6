import { ZAlbum, ZAlbumQuery, ZIdParams } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { sendDocx } from '../../lib/docx';
import { actorOf } from '../../lib/http';
import * as service from './album.service';

const tags = ['album'];

/** The growth album (成长清单): a person's submitted reports over a period, as JSON or a Word document. */
export async function albumRoutes(app: App, ctx: AppContext) {
  app.get(
    '/users/:id/album',
    {
      schema: {
        tags,
        description: 'JSON by default; `format=docx` returns the album as a Word document (an attachment).',
        params: ZIdParams,
        querystring: ZAlbumQuery,
        response: { 200: ZAlbum },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.query.format !== 'docx') return (await service.getAlbum(ctx, actor, request.params.id, request.query)).album;
      return sendDocx(reply, await service.getAlbumDocx(ctx, actor, request.params.id, request.query));
    },
  );
}
