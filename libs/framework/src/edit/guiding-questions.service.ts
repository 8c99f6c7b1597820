import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CreateGuidingQuestionDto, ReorderGuidingQuestionsDto, UpdateGuidingQuestionDto } from '../dto/guiding-question.dto';
import { GuidingQuestion, Objective, RoundTable } from '../entities';
import { guidingQuestionView } from '../framework.snapshot';
import { GuidingQuestionView, GuidingQuestionsView } from '../framework.view';
import { FrameworkEditService, SECRETARIAT_SOURCE } from './framework-edit.service';

type Questions = { roundTable: string; questions: GuidingQuestionView[] };

/**
 * The secretariat's edits to a round table's guiding questions. Each is a
 * catalogue edit (FrameworkEditService.edit): one transaction changes the
 * rows, freezes a new framework version and writes the audit row with the
 * round table's questions before and after.
 */
@Injectable()
export class GuidingQuestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly edits: FrameworkEditService,
  ) {}

  async list(code: string): Promise<GuidingQuestionsView> {
    const m = this.dataSource.manager;
    await roundTable(m, code);
    const [{ current }] = await m.query('SELECT coalesce(max(version), 0)::int AS current FROM framework_version');
    return { frameworkVersion: current, ...(await questionsOf(m, code)) };
  }

  add(code: string, dto: CreateGuidingQuestionDto): Promise<GuidingQuestionsView> {
    return this.edits.edit(dto.frameworkVersion, async (m) => {
      await assertObjectiveOf(m, await roundTable(m, code), dto.objective);
      const before = await questionsOf(m, code);
      await m.insert(GuidingQuestion, {
        roundTableCode: code, objectiveNumber: dto.objective, position: await nextPosition(m, code, dto.objective), text: dto.text, source: SECRETARIAT_SOURCE,
      });
      return change('framework.guiding_question.create', code, dto.note ?? `Guiding question added to ${code}, objective ${dto.objective}`, before, await questionsOf(m, code));
    });
  }

  update(code: string, id: number, dto: UpdateGuidingQuestionDto): Promise<GuidingQuestionsView> {
    return this.edits.edit(dto.frameworkVersion, async (m) => {
      const rt = await roundTable(m, code);
      const q = await question(m, code, id);
      const before = await questionsOf(m, code);
      const moved = dto.objective !== undefined && dto.objective !== q.objectiveNumber;
      if (dto.objective !== undefined) await assertObjectiveOf(m, rt, dto.objective);
      await m.update(GuidingQuestion, { id }, {
        ...(dto.text !== undefined ? { text: dto.text } : {}),
        ...(moved ? { objectiveNumber: dto.objective, position: await nextPosition(m, code, dto.objective!) } : {}),
      });
      if (moved) await renumber(m, code, q.objectiveNumber);
      return change('framework.guiding_question.update', code, dto.note ?? `Guiding question ${id} of ${code} edited`, before, await questionsOf(m, code));
    });
  }

  remove(code: string, id: number, expectedVersion?: number, note?: string): Promise<GuidingQuestionsView> {
    return this.edits.edit(expectedVersion, async (m) => {
      await roundTable(m, code);
      const q = await question(m, code, id);
      const before = await questionsOf(m, code);
      await m.delete(GuidingQuestion, { id });
      await renumber(m, code, q.objectiveNumber);
      return change('framework.guiding_question.delete', code, note ?? `Guiding question ${id} removed from ${code}`, before, await questionsOf(m, code));
    });
  }

  reorder(code: string, dto: ReorderGuidingQuestionsDto): Promise<GuidingQuestionsView> {
    return this.edits.edit(dto.frameworkVersion, async (m) => {
      await assertObjectiveOf(m, await roundTable(m, code), dto.objective);
      const before = await questionsOf(m, code);
      const current = before.questions.filter((q) => q.objective === dto.objective).map((q) => q.id);
      if (current.length !== dto.ids.length || current.some((id) => !dto.ids.includes(id))) {
        throw DomainError.invalid('ids', `ids must list each of the ${current.length} questions on objective ${dto.objective} once (${current.join(', ')})`);
      }
      for (const [i, id] of dto.ids.entries()) await m.update(GuidingQuestion, { id }, { position: i + 1 });
      return change('framework.guiding_question.reorder', code, dto.note ?? `Guiding questions of ${code}, objective ${dto.objective}, reordered`, before, await questionsOf(m, code));
    });
  }
}

function change(action: string, code: string, note: string, before: Questions, after: Questions) {
  return { action, entityType: 'round_table', entityId: code, note, before, after };
}

async function roundTable(m: EntityManager, code: string): Promise<RoundTable> {
  const rt = code.length <= 8 ? await m.findOne(RoundTable, { where: { code } }) : null;
  if (!rt) throw DomainError.notFound(`Round table ${code}`);
  return rt;
}

async function question(m: EntityManager, code: string, id: number): Promise<GuidingQuestion> {
  const q = await m.findOne(GuidingQuestion, { where: { id, roundTableCode: code } });
  if (!q) throw DomainError.notFound(`Guiding question ${id} of ${code}`);
  return q;
}

async function assertObjectiveOf(m: EntityManager, rt: RoundTable, objective: number): Promise<void> {
  const o = await m.findOne(Objective, { where: { number: objective } });
  if (!o || o.roundTableCode !== rt.code) {
    throw DomainError.invalid('objective', `objective ${objective} is not discussed at ${rt.code}`);
  }
}

async function nextPosition(m: EntityManager, code: string, objective: number): Promise<number> {
  const [{ next }] = await m.query(
    'SELECT coalesce(max(position), 0)::int + 1 AS next FROM guiding_question WHERE round_table_code = $1 AND objective_number = $2', [code, objective]);
  return next;
}

/** Closes the gap a removal or a move leaves: positions stay 1…n. */
async function renumber(m: EntityManager, code: string, objective: number): Promise<void> {
  await m.query(
    `UPDATE guiding_question g SET position = x.n FROM (
       SELECT id, row_number() OVER (ORDER BY position, id)::int AS n FROM guiding_question WHERE round_table_code = $1 AND objective_number = $2) x
     WHERE g.id = x.id AND g.position <> x.n`, [code, objective]);
}

async function questionsOf(m: EntityManager, code: string): Promise<Questions> {
  const rows = await m.find(GuidingQuestion, { where: { roundTableCode: code }, order: { objectiveNumber: 'ASC', position: 'ASC', id: 'ASC' } });
  return { roundTable: code, questions: rows.map(guidingQuestionView) };
}
