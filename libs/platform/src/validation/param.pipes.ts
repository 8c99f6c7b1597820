import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** Rejects a malformed path parameter with 400 before any lookup (an unknown well-formed one is the service's 404). */
@Injectable()
export class ParamPatternPipe implements PipeTransform<string, string> {
  constructor(
    private readonly name: string,
    private readonly pattern: RegExp,
    private readonly hint: string,
  ) {}

  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 64 || !this.pattern.test(value)) {
      throw DomainError.invalid(this.name, `${this.name} must be ${this.hint}`);
    }
    return value;
  }
}

export class ParamIntPipe implements PipeTransform<string, number> {
  constructor(
    private readonly name: string,
    private readonly max = 2_147_483_647,
  ) {}

  transform(value: string): number {
    if (!/^\d{1,10}$/.test(value) || Number(value) < 1 || Number(value) > this.max) {
      throw DomainError.invalid(this.name, `${this.name} must be a positive whole number`);
    }
    return Number(value);
  }
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ParamUuidPipe extends ParamPatternPipe {
  constructor(name = 'id') {
    super(name, UUID_PATTERN, 'a UUID');
  }
}
