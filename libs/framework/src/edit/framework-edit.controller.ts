import { Body, Controller, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParamIntPipe, Roles } from '@gcm/platform';
import { CreateRecommendationDto, ObjectiveThemesDto, UpdateRecommendationDto } from '../dto/framework-edit.dto';
import { EditedRecommendationView, ObjectiveThemesView } from '../framework.view';
import { FrameworkEditService } from './framework-edit.service';

/** Catalogue edits (secretariat). Each creates a new framework version; what was reported against older ones stays readable. */
@ApiTags('framework')
@Roles('secretariat')
@Controller('api/v1/framework')
export class FrameworkEditController {
  constructor(private readonly edits: FrameworkEditService) {}

  /** Adds a Secretary-General recommendation with its considerations. */
  @Post('recommendations')
  addRecommendation(@Body() dto: CreateRecommendationDto): Promise<EditedRecommendationView> {
    return this.edits.addRecommendation(dto);
  }

  /** Edits text, short title, objectives or the considerations list of a recommendation. */
  @Patch('recommendations/:paragraph')
  updateRecommendation(@Param('paragraph', new ParamIntPipe('paragraph', 9999)) paragraph: number, @Body() dto: UpdateRecommendationDto): Promise<EditedRecommendationView> {
    return this.edits.updateRecommendation(paragraph, dto);
  }

  /** Replaces the crosswalk of one objective: its themes and the one primary theme. */
  @Put('objectives/:number/themes')
  setObjectiveThemes(@Param('number', new ParamIntPipe('number', 999)) number: number, @Body() dto: ObjectiveThemesDto): Promise<ObjectiveThemesView> {
    return this.edits.setObjectiveThemes(number, dto);
  }
}
