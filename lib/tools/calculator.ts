// Arithmetic for people and models, by a recursive-descent parser: no eval, no Function, no surprises.
// Grammar: sum := product (("+"|"-") product)* ; product := unary (("*"|"/"|"%") unary)* ;
// unary := ("+"|"-") unary | power ; power := primary (("^"|"**") unary)? ; primary := number | name | name(args) | (sum)
export class CalculatorError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
    this.name = "CalculatorError";
  }
}

const MAX_LENGTH = 1000;
const MAX_DEPTH = 64;

const constants: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI };

const functions: Record<string, { arity: [number, number]; apply: (...values: number[]) => number }> = {
  sqrt: { arity: [1, 1], apply: Math.sqrt },
  cbrt: { arity: [1, 1], apply: Math.cbrt },
  abs: { arity: [1, 1], apply: Math.abs },
  round: { arity: [1, 2], apply: (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits },
  floor: { arity: [1, 1], apply: Math.floor },
  ceil: { arity: [1, 1], apply: Math.ceil },
  min: { arity: [1, 100], apply: Math.min },
  max: { arity: [1, 100], apply: Math.max },
  pow: { arity: [2, 2], apply: Math.pow },
  sin: { arity: [1, 1], apply: Math.sin },
  cos: { arity: [1, 1], apply: Math.cos },
  tan: { arity: [1, 1], apply: Math.tan },
  ln: { arity: [1, 1], apply: Math.log },
  log: { arity: [1, 2], apply: (value, base = 10) => Math.log(value) / Math.log(base) },
  exp: { arity: [1, 1], apply: Math.exp },
};

type Token = { kind: "number" | "name" | "op"; text: string; position: number };

const tokenPattern = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|[-+*/%^(),]))/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < source.length) {
    const start = tokenPattern.lastIndex;
    if (/^\s*$/.test(source.slice(start))) break;
    const match = tokenPattern.exec(source);
    if (!match) {
      const position = start + (source.slice(start).length - source.slice(start).trimStart().length);
      throw new CalculatorError(`unexpected character "${source[position]}" at position ${position + 1}`, position);
    }
    const position = match.index + match[0].length - (match[1] ?? match[2] ?? match[3])!.length;
    if (match[1] !== undefined) tokens.push({ kind: "number", text: match[1], position });
    else if (match[2] !== undefined) tokens.push({ kind: "name", text: match[2].toLowerCase(), position });
    else tokens.push({ kind: "op", text: match[3]!, position });
  }
  return tokens;
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  parse(): number {
    const value = this.sum();
    const extra = this.tokens[this.index];
    if (extra) throw new CalculatorError(`unexpected "${extra.text}" at position ${extra.position + 1}`, extra.position);
    return value;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private accept(...operators: string[]): string | undefined {
    const token = this.peek();
    if (token?.kind === "op" && operators.includes(token.text)) {
      this.index += 1;
      return token.text;
    }
    return undefined;
  }

  private expect(operator: string): void {
    if (this.accept(operator)) return;
    const token = this.peek();
    const position = token?.position ?? this.length;
    throw new CalculatorError(`expected "${operator}" at position ${position + 1}`, position);
  }

  private sum(): number {
    let value = this.product();
    for (let operator = this.accept("+", "-"); operator; operator = this.accept("+", "-")) {
      value = operator === "+" ? value + this.product() : value - this.product();
    }
    return value;
  }

  private product(): number {
    let value = this.unary();
    for (let operator = this.accept("*", "/", "%"); operator; operator = this.accept("*", "/", "%")) {
      const right = this.unary();
      value = operator === "*" ? value * right : operator === "/" ? value / right : value % right;
    }
    return value;
  }

  private unary(): number {
    const token = this.peek();
    if (++this.depth > MAX_DEPTH) throw new CalculatorError("expression is nested too deeply", token?.position ?? 0);
    try {
      const sign = this.accept("+", "-");
      if (sign) return sign === "-" ? -this.unary() : this.unary();
      const base = this.primary();
      return this.accept("^", "**") ? base ** this.unary() : base;
    } finally {
      this.depth -= 1;
    }
  }

  private primary(): number {
    const token = this.peek();
    if (!token) throw new CalculatorError("expression ends too early", this.length);
    this.index += 1;
    if (token.kind === "number") return Number(token.text);
    if (token.kind === "name") return this.named(token);
    if (token.text === "(") {
      const value = this.sum();
      this.expect(")");
      return value;
    }
    throw new CalculatorError(`unexpected "${token.text}" at position ${token.position + 1}`, token.position);
  }

  private named(token: Token): number {
    // Own properties only: "constructor" or "toString" must not reach Object.prototype.
    const fn = Object.hasOwn(functions, token.text) ? functions[token.text] : undefined;
    if (!this.accept("(")) {
      if (Object.hasOwn(constants, token.text)) return constants[token.text]!;
      throw new CalculatorError(`unknown name "${token.text}" at position ${token.position + 1}`, token.position);
    }
    if (!fn) throw new CalculatorError(`unknown function "${token.text}" at position ${token.position + 1}`, token.position);
    const args = [this.sum()];
    while (this.accept(",")) args.push(this.sum());
    this.expect(")");
    const [least, most] = fn.arity;
    if (args.length < least || args.length > most) {
      throw new CalculatorError(`${token.text}() takes ${least === most ? least : `${least} to ${most}`} arguments`, token.position);
    }
    return fn.apply(...args);
  }
}

/** Evaluates an arithmetic expression; throws CalculatorError with a readable message on bad input. */
export function evaluateExpression(expression: string): number {
  if (expression.length > MAX_LENGTH) throw new CalculatorError(`expression is longer than ${MAX_LENGTH} characters`, 0);
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new CalculatorError("expression is empty", 0);
  const value = new Parser(tokens, expression.length).parse();
  if (!Number.isFinite(value)) throw new CalculatorError("the result is not a finite number (division by zero?)", 0);
  return value;
}
