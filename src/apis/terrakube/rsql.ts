/**
 * An RSQL/FIQL parser following jirutka/rsql-parser's grammar (the one Elide's `RSQLFilterDialect`
 * uses): `,` or ` or ` is OR, `;` or ` and ` is AND (binding tighter), parentheses group, a comparison
 * is `selector operator argument(s)` where operators are `==`, `!=`, `<`, `<=`, `>`, `>=` or `=name=`,
 * and arguments are unreserved text, single- or double-quoted text (with `\` escapes), or a
 * parenthesised comma list. Errors carry a message in the parser's words.
 */
export type RsqlNode =
  | { kind: 'and' | 'or'; children: RsqlNode[] }
  | { kind: 'comparison'; selector: string; operator: string; args: string[] };

export class RsqlError extends Error {}

/** Operators Elide's RSQL dialect registers (RSQL defaults plus Elide's own). */
export const RSQL_OPERATORS: ReadonlySet<string> = new Set([
  '==', '!=', '=lt=', '<', '=le=', '<=', '=gt=', '>', '=ge=', '>=', '=in=', '=out=',
  '=ini=', '=outi=', '=isnull=', '=isempty=', '=hasmember=', '=hasnomember=',
]);
const MULTI_VALUE: ReadonlySet<string> = new Set(['=in=', '=out=', '=ini=', '=outi=']);
const RESERVED = new Set(['"', "'", '(', ')', ';', ',', '=', '!', '~', '<', '>', ' ']);

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  private error(): RsqlError {
    const found = this.pos >= this.text.length ? '<EOF>' : this.text[this.pos];
    return new RsqlError(`Encountered "${found}" at line 1, column ${this.pos + 1}.`);
  }
  private skipSpaces(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
  }
  /** Consumes `;`/` and ` (AND) or `,`/` or ` (OR) if next. */
  private eatJoin(symbol: ';' | ','): boolean {
    const word = symbol === ';' ? 'and' : 'or';
    const save = this.pos;
    this.skipSpaces();
    if (this.text[this.pos] === symbol) {
      this.pos++;
      this.skipSpaces();
      return true;
    }
    if (this.pos > save && this.text.startsWith(`${word} `, this.pos)) {
      this.pos += word.length + 1;
      this.skipSpaces();
      return true;
    }
    this.pos = save;
    return false;
  }

  parse(): RsqlNode {
    this.skipSpaces();
    const node = this.or();
    this.skipSpaces();
    if (this.pos !== this.text.length) throw this.error();
    return node;
  }
  private or(): RsqlNode {
    const children = [this.and()];
    while (this.eatJoin(',')) children.push(this.and());
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }
  private and(): RsqlNode {
    const children = [this.constraint()];
    while (this.eatJoin(';')) children.push(this.constraint());
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }
  private constraint(): RsqlNode {
    if (this.text[this.pos] === '(') {
      this.pos++;
      this.skipSpaces();
      const inner = this.or();
      this.skipSpaces();
      if (this.text[this.pos] !== ')') throw this.error();
      this.pos++;
      return inner;
    }
    const selector = this.unreserved();
    const operator = this.operator();
    const args = this.arguments();
    if (args.length > 1 && !MULTI_VALUE.has(operator)) throw new RsqlError(`Operator ${operator} expects single argument, but multiple values given`);
    return { kind: 'comparison', selector, operator, args };
  }
  private unreserved(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !RESERVED.has(this.text[this.pos]!)) this.pos++;
    if (this.pos === start) throw this.error();
    return this.text.slice(start, this.pos);
  }
  private operator(): string {
    const rest = this.text.slice(this.pos);
    const match = /^(=[a-z]*=|!=|<=|>=|<|>)/i.exec(rest);
    if (!match) throw this.error();
    this.pos += match[1]!.length;
    const op = match[1]!.toLowerCase();
    if (!RSQL_OPERATORS.has(op)) throw new RsqlError(`Unknown operator: ${match[1]}`);
    return op;
  }
  private arguments(): string[] {
    if (this.text[this.pos] !== '(') return [this.value()];
    this.pos++;
    const values = [this.value()];
    for (;;) {
      this.skipSpaces();
      if (this.text[this.pos] === ')') {
        this.pos++;
        return values;
      }
      if (this.text[this.pos] !== ',') throw this.error();
      this.pos++;
      this.skipSpaces();
      values.push(this.value());
    }
  }
  private value(): string {
    const quote = this.text[this.pos];
    if (quote !== '"' && quote !== "'") return this.unreserved();
    this.pos++;
    let out = '';
    while (this.pos < this.text.length && this.text[this.pos] !== quote) {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) this.pos++;
      out += this.text[this.pos++];
    }
    if (this.pos >= this.text.length) throw this.error();
    this.pos++;
    return out;
  }
}

/** Parses an RSQL expression; throws RsqlError with the parser's message. */
export function parseRsql(text: string): RsqlNode {
  return new Parser(text).parse();
}
