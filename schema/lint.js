// Every type, field, argument, enum value and input field of each subgraph's SDL has a description: the SDL is
// the contract third parties integrate against. `node lint.js` lists what is missing and fails.
import { readFileSync } from 'node:fs';
import { Kind, parse, visit } from 'graphql';

const subgraphs = JSON.parse(readFileSync(new URL('subgraphs.json', import.meta.url), 'utf8'));
const missing = [];
for (const name of Object.keys(subgraphs)) {
  const document = parse(readFileSync(new URL(`${name}.graphql`, import.meta.url), 'utf8'));
  const path = [];
  const check = (node, what) => {
    if (!node.description?.value?.trim()) missing.push(`${name}.graphql: ${what}`);
  };
  visit(document, {
    enter(node) {
      switch (node.kind) {
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        case Kind.ENUM_TYPE_DEFINITION:
        case Kind.UNION_TYPE_DEFINITION:
        case Kind.SCALAR_TYPE_DEFINITION:
          path.push(node.name.value);
          check(node, `type ${node.name.value}`);
          break;
        case Kind.OBJECT_TYPE_EXTENSION:
        case Kind.INTERFACE_TYPE_EXTENSION:
          path.push(node.name.value);
          break;
        case Kind.FIELD_DEFINITION:
          path.push(node.name.value);
          check(node, `field ${path.join('.')}`);
          break;
        case Kind.INPUT_VALUE_DEFINITION:
          check(node, `${path.length > 1 ? 'argument' : 'input field'} ${path.join('.')}(${node.name.value})`);
          break;
        case Kind.ENUM_VALUE_DEFINITION:
          check(node, `enum value ${path.join('.')}.${node.name.value}`);
          break;
      }
    },
    leave(node) {
      if ([Kind.OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION, Kind.INPUT_OBJECT_TYPE_DEFINITION, Kind.ENUM_TYPE_DEFINITION, Kind.UNION_TYPE_DEFINITION, Kind.SCALAR_TYPE_DEFINITION, Kind.OBJECT_TYPE_EXTENSION, Kind.INTERFACE_TYPE_EXTENSION, Kind.FIELD_DEFINITION].includes(node.kind)) path.pop();
    },
  });
}
if (missing.length) {
  console.error(`${missing.length} definitions without a description:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`every definition of ${Object.keys(subgraphs).length} subgraph SDLs has a description`);
