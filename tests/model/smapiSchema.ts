import { readFileSync } from 'node:fs';

/**
 * The part of Swagger 2 that ask-smapi-model's spec.json uses for the skill manifest and the
 * interaction model. The TypeScript types of ask-smapi-model cannot check enum values of a JSON
 * import (TypeScript widens them to string), so the same spec is checked at run time here.
 */
interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  allOf?: Schema[];
  discriminator?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minProperties?: number;
  pattern?: string;
}

interface Spec {
  definitions: Record<string, Schema>;
}

const loadSpec = (): Spec =>
  JSON.parse(readFileSync(require.resolve('ask-smapi-model/spec.json'), 'utf8')) as Spec;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const typeMatches = (type: string, value: unknown): boolean => {
  switch (type) {
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
};

/** Errors (path: problem) of `value` against the spec definition `definition`; [] when valid. */
export const validateAgainstSmapi = (definition: string, value: unknown): string[] => {
  const { definitions } = loadSpec();
  const errors: string[] = [];

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/definitions/', '');
    const target = definitions[name];
    if (!target) throw new Error(`spec has no definition ${name}`);
    return resolve(target);
  };

  // Properties declared by a schema and the allOf parents it extends.
  const declaredProperties = (schema: Schema): Record<string, Schema> =>
    Object.assign(
      {},
      ...(schema.allOf ?? []).map((part) => declaredProperties(resolve(part))),
      schema.properties,
    );

  const check = (rawSchema: Schema, node: unknown, path: string): void => {
    const schema = resolve(rawSchema);
    if (schema.type && !typeMatches(schema.type, node)) {
      errors.push(`${path}: expected ${schema.type}, got ${JSON.stringify(node)}`);
      return;
    }
    if (schema.enum && !schema.enum.includes(node))
      errors.push(`${path}: ${JSON.stringify(node)} is not allowed`);
    if (typeof node === 'string') {
      if (schema.minLength !== undefined && node.length < schema.minLength)
        errors.push(`${path}: shorter than ${schema.minLength}`);
      if (schema.maxLength !== undefined && node.length > schema.maxLength)
        errors.push(`${path}: longer than ${schema.maxLength} (${node.length})`);
      if (schema.pattern && !new RegExp(schema.pattern).test(node))
        errors.push(`${path}: does not match ${schema.pattern}`);
    }
    if (Array.isArray(node)) {
      if (schema.minItems !== undefined && node.length < schema.minItems)
        errors.push(`${path}: fewer than ${schema.minItems} items`);
      node.forEach((item, i) => schema.items && check(schema.items, item, `${path}[${i}]`));
    }
    if (isRecord(node)) {
      const properties = declaredProperties(schema);
      for (const key of schema.required ?? []) if (!(key in node)) errors.push(`${path}: missing ${key}`);
      if (schema.minProperties !== undefined && Object.keys(node).length < schema.minProperties)
        errors.push(`${path}: fewer than ${schema.minProperties} properties`);
      for (const [key, child] of Object.entries(node)) {
        const childSchema = properties[key];
        if (childSchema) check(childSchema, child, `${path}.${key}`);
        else if (isRecord(schema.additionalProperties))
          check(schema.additionalProperties, child, `${path}.${key}`);
        // An unknown key is almost always a typo that SMAPI would reject on deploy.
        else if (Object.keys(properties).length > 0) errors.push(`${path}: unknown property ${key}`);
      }
    }
  };

  check({ $ref: `#/definitions/${definition}` }, value, '$');
  return errors;
};
