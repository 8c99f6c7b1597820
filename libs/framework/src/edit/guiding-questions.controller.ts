import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ParamIntPipe, ParamPatternPipe, Roles } from '@gcm/platform';
import { CreateGuidingQuestionDto, FrameworkVersionQueryDto, ReorderGuidingQuestionsDto, UpdateGuidingQuestionDto } from '../dto/guiding-question.dto';
import { GuidingQuestionsView } from '../framework.view';
import { GuidingQuestionsService } from './guiding-questions.service';

const CODE = new ParamPatternPipe('code', /^(RT|rt)?\d{1,2}$/, 'a code such as RT2');
/** `rt2`, `2` and `RT2` name one round table, as on the public catalogue routes. */
const rt = (code: string) => `RT${Number(code.replace(/\D/g, ''))}`;

/**
 * A round table's guiding questions (secretariat). Each write is a catalogue
 * edit: a new framework version, audited; reports built on a version print
 * the questions it holds.
 */
@ApiTags('framework')
@Roles('secretariat')
@Controller('api/v1/framework/round-tables/:code/guiding-questions')
export class GuidingQuestionsController {
  constructor(private readonly questions: GuidingQuestionsService) {}

  /** The round table's questions by objective, with the current framework version (send it back on an edit). */
  @Get()
  @ApiErrorResponses({ 404: 'no such round table' })
  list(@Param('code', CODE) code: string): Promise<GuidingQuestionsView> {
    return this.questions.list(rt(code));
  }

  /** Adds a question, last among those on its objective. */
  @Post()
  @ApiErrorResponses({ 404: 'no such round table', 409: '`version_conflict`: the catalogue changed since `frameworkVersion`' })
  add(@Param('code', CODE) code: string, @Body() dto: CreateGuidingQuestionDto): Promise<GuidingQuestionsView> {
    return this.questions.add(rt(code), dto);
  }

  /** Puts one objective's questions in a new order. */
  @Put('order')
  @ApiErrorResponses({ 404: 'no such round table', 409: '`version_conflict`: the catalogue changed since `frameworkVersion`' })
  reorder(@Param('code', CODE) code: string, @Body() dto: ReorderGuidingQuestionsDto): Promise<GuidingQuestionsView> {
    return this.questions.reorder(rt(code), dto);
  }

  /** Edits a question's text, or moves it to another objective of the round table. */
  @Patch(':id')
  @ApiErrorResponses({ 404: 'no such round table or question', 409: '`version_conflict`: the catalogue changed since `frameworkVersion`' })
  update(
    @Param('code', CODE) code: string, @Param('id', new ParamIntPipe('id', 2_000_000_000)) id: number, @Body() dto: UpdateGuidingQuestionDto,
  ): Promise<GuidingQuestionsView> {
    return this.questions.update(rt(code), id, dto);
  }

  /** Removes a question; the others on its objective close up. */
  @Delete(':id')
  @ApiErrorResponses({ 404: 'no such round table or question', 409: '`version_conflict`: the catalogue changed since `frameworkVersion`' })
  remove(
    @Param('code', CODE) code: string, @Param('id', new ParamIntPipe('id', 2_000_000_000)) id: number, @Query() q: FrameworkVersionQueryDto,
  ): Promise<GuidingQuestionsView> {
    return this.questions.remove(rt(code), id, q.frameworkVersion, q.note);
  }
}
