// json-schema.mjs: the part of JSON Schema that assets/quiz.schema.json uses (type,
// required, properties, additionalProperties, items, min/maxItems, min/maxLength, pattern,
// minimum, maximum), enough to hold the quiz file to its schema in a test.
export function validateSchema(schema, value, where = '$') {
  const errors = [];
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const want = schema.type;
  const matches = !want || want === type || (want === 'integer' && Number.isInteger(value)) ||
    (want === 'number' && type === 'number');
  if (!matches) return [`${where}: expected ${want}, got ${type}`];
  if (type === 'object') {
    for (const key of schema.required || []) if (!(key in value)) errors.push(`${where}: missing ${key}`);
    for (const [key, v] of Object.entries(value)) {
      if (schema.properties && key in schema.properties) errors.push(...validateSchema(schema.properties[key], v, `${where}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${where}: unexpected ${key}`);
    }
  }
  if (type === 'array') {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${where}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${where}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => errors.push(...validateSchema(schema.items, item, `${where}[${i}]`)));
  }
  if (type === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${where}: too short`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${where}: too long`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${where}: does not match ${schema.pattern}`);
  }
  if (type === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${where}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${where}: above ${schema.maximum}`);
  }
  return errors;
}
