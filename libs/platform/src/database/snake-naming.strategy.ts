import { DefaultNamingStrategy, NamingStrategyInterface, Table } from 'typeorm';

export function snakeCase(str: string): string {
  return str
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase();
}

/** Snake-case tables and columns so SQL written by hand (aggregates, reports) reads naturally. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snakeCase(className);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snakeCase(prefixes.concat('').join('_')) + (customName ?? snakeCase(propertyName));
  }

  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(firstTableName: string, secondTableName: string, firstPropertyName: string): string {
    return snakeCase(`${firstTableName}_${firstPropertyName.replace(/\./gi, '_')}_${secondTableName}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`);
  }

  override primaryKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `pk_${this.tableOf(tableOrName)}_${columnNames.join('_')}`.slice(0, 63);
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `fk_${this.tableOf(tableOrName)}_${columnNames.join('_')}`.slice(0, 63);
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return `uq_${this.tableOf(tableOrName)}_${columnNames.join('_')}`.slice(0, 63);
  }

  override indexName(tableOrName: Table | string, columnNames: string[]): string {
    return `ix_${this.tableOf(tableOrName)}_${columnNames.join('_')}`.slice(0, 63);
  }

  private tableOf(tableOrName: Table | string): string {
    const name = typeof tableOrName === 'string' ? tableOrName : tableOrName.name;
    return name.split('.').pop() as string;
  }
}
