import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Capped limit/offset paging, one rule for every list: the query string is
 * coerced to a whole number and refused (400) outside 1…max. The default is
 * the property's initializer, so each list keeps its own page size.
 */
export function PageLimit(max: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, minimum: 1, maximum: max }),
    IsOptional(), Type(() => Number), IsInt(), Min(1), Max(max),
  );
}

/** Offsets are capped too: deep offset paging makes PostgreSQL read and drop every skipped row. */
export function PageOffset(max = 100_000): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, minimum: 0, maximum: max }),
    IsOptional(), Type(() => Number), IsInt(), Min(0), Max(max),
  );
}

/** The common page: 50 rows by default, at most 100. */
export class PageQueryDto {
  @PageLimit(100)
  limit: number = 50;

  @PageOffset()
  offset: number = 0;
}

