import {
  ZIdParams,
  ZScoreRow,
  ZScoresQuery,
  ZScoringRules,
  ZScoringRulesState,
  ZUserScores,
  ZUserScoresQuery,
  zList,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import { XLSX_MIME } from '../../lib/xlsx';
import * as service from './scoring.service';

const tags = ['scoring'];

/** Quantified performance: the versioned rules and the scores they give. */
export async function scoringRoutes(app: App, ctx: AppContext) {
  app.get('/scoring/rules', { schema: { tags, response: { 200: ZScoringRulesState } } }, async () => service.getRules(ctx));

  app.put('/scoring/rules', { schema: { tags, body: ZScoringRules, response: { 200: ZScoringRulesState } } }, async (request) =>
    service.putRules(ctx, actorOf(request), request.body),
  );

  app.get('/scores', { schema: { tags, querystring: ZScoresQuery, response: { 200: zList(ZScoreRow) } } }, async (request) => ({
    items: await service.listScores(ctx, actorOf(request), request.query),
  }));

  app.get(
    '/users/:id/scores',
    { schema: { tags, params: ZIdParams, querystring: ZUserScoresQuery, response: { 200: ZUserScores } } },
    async (request) => service.getUserScores(ctx, actorOf(request), request.params.id, request.query),
  );

  app.get('/scores/export', { schema: { tags, querystring: ZScoresQuery } }, async (request, reply) => {
    const { filename, data } = await service.exportScores(ctx, actorOf(request), request.query);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${filename}"`).send(data);
  });
}
